// pppd-style one-line traces of control packets, as in `sent [LCP ConfReq id=0x1 <mru 1400>]`: the
// layout of pppd's lcp_printpkt/fsm printers (code name, id in hex, one <...> per option, quoted
// Terminate reasons, magic=0x… for Echo/Discard/Identification, then at most 32 leftover bytes in hex).
import { codeName } from './codes.js';
import type { CpOption } from './cp-options.js';
import type { CpPacket } from './cp-packet.js';

/** What the formatter needs of an option; every `OptionSpec` satisfies it. */
export interface OptionFormatter {
  readonly type: number;
  decode(data: Uint8Array): unknown;
  /** The whole `<...>` text, e.g. `<mru 1400>`. */
  format(value: unknown): string;
}

/** What the formatter needs of a protocol; every `ProtocolSpec` satisfies it. */
export interface CpFormatSpec {
  /** pppd's name: 'LCP', 'IPCP', 'CCP', 'IPV6CP'. */
  readonly name: string;
  readonly protocol: number;
  readonly options?: readonly OptionFormatter[];
}

const MAX_TRAILING_BYTES = 32;

/** `LCP ConfReq id=0x1 <mru 1400> <magic 0x1a2b3c4d>`: the text pppd puts between the brackets. */
export function formatCpPacket(spec: CpFormatSpec, packet: CpPacket): string {
  const head = `${spec.name} ${codeName(spec.protocol, packet.code)} id=0x${packet.identifier.toString(16)}`;
  return head + formatBody(spec, packet);
}

function formatBody(spec: CpFormatSpec, packet: CpPacket): string {
  switch (packet.kind) {
    case 'configure':
      return packet.options.map((option) => ' ' + formatOption(spec, option)).join('');
    case 'terminate':
      return isPrintable(packet.data[0]) ? ' ' + quote(packet.data) : trailing(packet.data);
    case 'magic':
      return ` magic=0x${packet.magicNumber.toString(16)}` + formatMagicData(packet.code, packet.data);
    case 'codeReject':
      return trailing(packet.rejectedPacket);
    case 'protocolReject': {
      // pppd prints the Rejected-Protocol and the rejected bytes alike, as leftover data.
      const data = new Uint8Array(packet.rejectedInformation.length + 2);
      data.set([packet.rejectedProtocol >> 8, packet.rejectedProtocol & 0xff]);
      data.set(packet.rejectedInformation, 2);
      return trailing(data);
    }
    default:
      return trailing(packet.data);
  }
}

/** Identification and Time-Remaining carry text after the magic (RFC 1570); Echo/Discard just bytes. */
function formatMagicData(code: number, data: Uint8Array): string {
  if (code === 12) return data.length > 0 ? ' ' + quote(data) : '';
  if (code === 13) {
    if (data.length < 4) return trailing(data);
    const seconds =
      (((data[0] as number) << 24) |
        ((data[1] as number) << 16) |
        ((data[2] as number) << 8) |
        (data[3] as number)) >>>
      0;
    const message = data.subarray(4);
    return ` seconds=${seconds}` + (message.length > 0 ? ' ' + quote(message) : '');
  }
  return trailing(data);
}

/** An option its spec can decode uses the spec's text; anything else prints as pppd does: `< 0d 03 06>`. */
export function formatOption(spec: CpFormatSpec, option: CpOption): string {
  const formatter = spec.options?.find((candidate) => candidate.type === option.type);
  const value = formatter?.decode(option.data);
  if (formatter && value !== undefined) return formatter.format(value);
  const whole = new Uint8Array(option.data.length + 2);
  whole[0] = option.type;
  whole[1] = option.data.length + 2;
  whole.set(option.data, 2);
  return `<${hexBytes(whole)}>`;
}

const isPrintable = (c: number | undefined): boolean => c !== undefined && c >= 0x20 && c < 0x7f;

/** pppd's print_string: printable ASCII as is (with \\ and \" escaped), the rest as \n, \r, \t or \ooo. */
export function quote(bytes: Uint8Array): string {
  let out = '"';
  for (const c of bytes) {
    if (isPrintable(c)) out += (c === 0x5c || c === 0x22 ? '\\' : '') + String.fromCharCode(c);
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else out += '\\' + c.toString(8).padStart(3, '0');
  }
  return out + '"';
}

function hexBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += ' ' + b.toString(16).padStart(2, '0');
  return out;
}

function more(total: number): string {
  return total > MAX_TRAILING_BYTES ? ' ...' : '';
}

/** Leftover bytes: at most 32 in hex, then " ..." (pppd lcp_printpkt). */
function trailing(bytes: Uint8Array): string {
  return hexBytes(bytes.subarray(0, MAX_TRAILING_BYTES)) + more(bytes.length);
}
