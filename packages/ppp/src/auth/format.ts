// pppd-style traces of CHAP and PAP packets, the text between `sent [` and `]` (pppd chap-new.c
// chap_print_pkt, upap.c upap_printpkt): `CHAP Response id=0xa3 <f0f9…00>, name = "vpn1"`,
// `PAP AuthReq id=0x1 user="vpn1" password=<hidden>`. PAP passwords are never printed (pppd hide-password).
import { quote } from '../codec/format.js';
import type { ChapPacket } from './chap-packet.js';
import { decodeChapPacket } from './chap-packet.js';
import type { PapPacket } from './pap-packet.js';
import { decodePapPacket } from './pap-packet.js';

const CHAP_NAMES = ['Challenge', 'Response', 'Success', 'Failure'];
const PAP_NAMES = ['AuthReq', 'AuthAck', 'AuthNak'];

function head(protocol: string, names: readonly string[], code: number, identifier: number): string {
  const name = names[code - 1];
  const codeText = name !== undefined ? name : `code=0x${code.toString(16)}`;
  return `${protocol} ${codeText} id=0x${identifier.toString(16)}`;
}

const hexRun = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const hexSpaced = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => ' ' + b.toString(16).padStart(2, '0')).join('');
/** Undecodable input is dumped like pppd's leftover bytes: at most 32, then " ...". */
const MAX_DUMP = 32;
const dump = (bytes: Uint8Array): string =>
  hexSpaced(bytes.subarray(0, MAX_DUMP)) + (bytes.length > MAX_DUMP ? ' ...' : '');

/** `CHAP Challenge id=0xa3 <253e…8b>, name = "Nanu-VPN"`, `CHAP Success id=0xa3 "S=… M=Access granted"`. */
export function formatChapPacket(packet: ChapPacket): string {
  const start = head('CHAP', CHAP_NAMES, packet.code, packet.identifier);
  switch (packet.kind) {
    case 'challenge':
    case 'response':
      return `${start} <${hexRun(packet.value)}>, name = ${quote(packet.name)}`;
    case 'success':
    case 'failure':
      return `${start} ${quote(packet.message)}`;
    default:
      return start + hexSpaced(packet.data);
  }
}

/** `PAP AuthReq id=0x1 user="vpn1" password=<hidden>`, `PAP AuthAck id=0x1 "Login ok"`. */
export function formatPapPacket(packet: PapPacket): string {
  const start = head('PAP', PAP_NAMES, packet.code, packet.identifier);
  switch (packet.kind) {
    case 'request':
      return `${start} user=${quote(packet.peerId)} password=<hidden>`;
    case 'ack':
    case 'nak':
      return `${start} ${quote(packet.message)}`;
    default:
      return start + hexSpaced(packet.data);
  }
}

/** Formats raw bytes: a decodable packet as above, anything else as pppd's hex dump plus why. */
export function formatChapBytes(bytes: Uint8Array): string {
  const decoded = decodeChapPacket(bytes);
  return decoded.ok ? formatChapPacket(decoded.value) : `CHAP${dump(bytes)} (${decoded.error.reason})`;
}

export function formatPapBytes(bytes: Uint8Array): string {
  const decoded = decodePapPacket(bytes);
  if (decoded.ok) return formatPapPacket(decoded.value);
  // Never dump an undecodable Authenticate-Request: its bytes may hold a password.
  const shown = bytes[0] === 1 ? bytes.subarray(0, 4) : bytes;
  return `PAP${dump(shown)}${shown.length < bytes.length ? ' ...' : ''} (${decoded.error.reason})`;
}
