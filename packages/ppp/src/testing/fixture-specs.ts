// ProtocolSpecs modelled on the server pppd of the reference captures (pppd 2.4 behind pptpd), so tests
// can check that the engine reproduces its bytes: LCP with MS-CHAPv2, IPCP assigning an address and DNS,
// CCP asking for 128-bit stateless MPPE. Fixtures only; the real protocols live in their plugins.
import { CpCode } from '../codec/codes.js';
import type { CpPacket } from '../codec/cp-packet.js';
import { PppProtocol } from '../codec/protocols.js';
import type { ExtraCodeVerdict, OptionSpec, ProtocolSpec } from '../cp-automaton/option-spec.js';
import { flagOption, ipv4Option, numberOption } from './option-kit.js';

const hex32 = (value: number): string => `0x${value.toString(16)}`;

/** The LCP Authentication-Protocol option as pppd prints it: `<auth chap MS-v2>`. We never authenticate ourselves. */
export function authOption(desired?: Uint8Array): OptionSpec<Uint8Array> {
  const CHAP_NAMES: Record<number, string> = { 5: ' MD5', 0x80: ' MS', 0x81: ' MS-v2' };
  return {
    type: 3,
    name: 'auth',
    decode: (data) => (data.length >= 2 ? data : undefined),
    encode: (value) => value,
    format: (value) => {
      const protocol = ((value[0] as number) << 8) | (value[1] as number);
      if (protocol === PppProtocol.PAP) return '<auth pap>';
      if (protocol === PppProtocol.CHAP) return `<auth chap${CHAP_NAMES[value[2] ?? -1] ?? ''}>`;
      return `<auth ${hex32(protocol)}>`;
    },
    desired: () => desired,
    judge: () => ({ verdict: 'reject' }),
  };
}

/** pppd lcp_extcode: Echo answered in Opened, Discard/Identification/Time-Remaining silently ignored. */
function lcpExtraCode(magic: number, onProtocolReject?: (protocol: number) => void) {
  return (packet: CpPacket, automaton: { readonly state: string }): ExtraCodeVerdict | undefined => {
    if (packet.kind === 'protocolReject') {
      if (automaton.state !== 'opened')
        return { event: 'discard', reason: 'Protocol-Reject outside Opened (§5.7)' };
      onProtocolReject?.(packet.rejectedProtocol);
      return { event: packet.rejectedProtocol === PppProtocol.LCP ? 'rxj-' : 'rxj+' };
    }
    if (packet.kind !== 'magic') return undefined;
    if (packet.code !== CpCode.EchoRequest) return { event: 'rxr' };
    const reply: CpPacket = { ...packet, code: CpCode.EchoReply, magicNumber: magic };
    return { event: 'rxr', reply };
  };
}

export interface LcpFixtureConfig {
  readonly magic: number;
  /** Ask the peer to authenticate with MS-CHAPv2 (`03 05 c2 23 81`). */
  readonly requireMsChapV2?: boolean;
  readonly mru?: number;
  readonly onProtocolReject?: (protocol: number) => void;
}

/** pppd's server LCP from the captures: `<asyncmap 0x0> <auth chap MS-v2> <magic …> <pcomp> <accomp>`. */
export function lcpFixture(config: LcpFixtureConfig): ProtocolSpec {
  return {
    protocol: PppProtocol.LCP,
    name: 'LCP',
    options: [
      numberOption({ type: 1, name: 'mru', width: 2, ...(config.mru ? { desired: config.mru } : {}) }),
      numberOption({
        type: 2,
        name: 'asyncmap',
        width: 4,
        desired: 0,
        format: (v) => `<asyncmap ${hex32(v)}>`,
      }),
      authOption(config.requireMsChapV2 ? new Uint8Array([0xc2, 0x23, 0x81]) : undefined),
      numberOption({
        type: 5,
        name: 'magic',
        width: 4,
        desired: config.magic,
        format: (v) => `<magic ${hex32(v)}>`,
        // Our own magic coming back means a looped-back link (RFC 1661 §6.4): Nak with another value.
        judge: (peer) =>
          peer === config.magic ? { verdict: 'nak', suggest: (peer ^ 0x5a5a5a5a) >>> 0 } : { verdict: 'ack' },
      }),
      flagOption(7, 'pcomp', true),
      flagOption(8, 'accomp', true),
    ],
    extraCode: lcpExtraCode(config.magic, config.onProtocolReject),
  };
}

/** IPCP VJ-Compression as pppd prints it (`<compress VJ 0f 01>`); we reject it as pppd does for PPTP. */
export const vjOption: OptionSpec<Uint8Array> = {
  type: 2,
  name: 'compress',
  decode: (data) => (data.length >= 2 ? data : undefined),
  encode: (value) => value,
  format: (value) => {
    const protocol = ((value[0] as number) << 8) | (value[1] as number);
    const rest = Array.from(value.subarray(2), (b) => ' ' + b.toString(16).padStart(2, '0')).join('');
    return `<compress ${protocol === PppProtocol.VJ_COMPRESSED_TCP ? 'VJ' : hex32(protocol)}${rest}>`;
  },
  desired: () => undefined,
  judge: () => ({ verdict: 'reject' }),
};

export interface IpcpFixtureConfig {
  readonly local: string;
  readonly assign: string;
  readonly dns1: string;
  readonly dns2: string;
}

/** pppd's server IPCP: requests its own address, Naks the client's with the assigned one and MS-DNS. */
export function ipcpFixture(config: IpcpFixtureConfig): ProtocolSpec {
  return {
    protocol: PppProtocol.IPCP,
    name: 'IPCP',
    options: [
      vjOption,
      ipv4Option(3, 'addr', config.local, config.assign),
      ipv4Option(129, 'ms-dns1', undefined, config.dns1),
      ipv4Option(131, 'ms-dns2', undefined, config.dns2),
    ],
  };
}

const MPPE_BITS: readonly (readonly [string, number])[] = [
  ['M', 0x80],
  ['S', 0x40],
  ['L', 0x20],
  ['D', 0x10],
  ['C', 0x01],
];

/** CCP option 18 as pppd prints it: `<mppe +H -M +S -L -D -C>` (RFC 3078 §2.1, anchors §6 #16). */
export function mppeOption(desired: number): OptionSpec<number> {
  return numberOption({
    type: 18,
    name: 'mppe',
    width: 4,
    desired,
    format: (v) =>
      `<mppe ${v & 0x01000000 ? '+' : '-'}H` +
      MPPE_BITS.map(([n, bit]) => ` ${v & bit ? '+' : '-'}${n}`).join('') +
      '>',
    judge: (peer) => (peer === desired ? { verdict: 'ack' } : { verdict: 'nak', suggest: desired }),
  });
}

/** CCP with stateless 128-bit MPPE; Reset-Request is answered with a Reset-Ack in Opened (RFC 1962 §3.1). */
export function ccpFixture(): ProtocolSpec {
  return {
    protocol: PppProtocol.CCP,
    name: 'CCP',
    options: [mppeOption(0x01000040)],
    extraCode: (packet) => {
      if (packet.code === CpCode.ResetRequest && packet.kind === 'other') {
        return {
          event: 'rxr',
          reply: {
            kind: 'other',
            code: CpCode.ResetAck,
            identifier: packet.identifier,
            data: new Uint8Array(0),
          },
        };
      }
      return packet.code === CpCode.ResetAck ? { event: 'rxr' } : undefined;
    },
  };
}
