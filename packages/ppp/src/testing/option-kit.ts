// Small option builders for tests and fixtures: fixed-width integers, IPv4 addresses and value-less
// flags (RFC 1661 §6 option shapes). The real LCP/IPCP/CCP options live in their plugins.
import type { OptionSpec, Verdict } from '../cp-automaton/option-spec.js';

export const u32Bytes = (value: number): Uint8Array =>
  new Uint8Array([(value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff]);
export const readU32 = (data: Uint8Array): number =>
  (((data[0] as number) << 24) |
    ((data[1] as number) << 16) |
    ((data[2] as number) << 8) |
    (data[3] as number)) >>>
  0;
export const ipv4Text = (value: number): string =>
  [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].join('.');
export const ipv4 = (text: string): number =>
  text.split('.').reduce((acc, part) => ((acc << 8) | Number(part)) >>> 0, 0);

const ACK = { verdict: 'ack' } as const;
const REJECT = { verdict: 'reject' } as const;

interface NumberOptionConfig {
  readonly type: number;
  readonly name: string;
  /** 2 or 4 bytes. */
  readonly width: 2 | 4;
  readonly desired?: number;
  readonly judge?: (peer: number) => Verdict<number>;
  readonly format?: (value: number) => string;
  readonly onNak?: OptionSpec<number>['onNak'];
  readonly solicit?: () => number | undefined;
}

/** An option whose value is one big-endian integer (MRU, ACCM, Magic-Number, IP-Address, MPPE bits). */
export function numberOption(config: NumberOptionConfig): OptionSpec<number> {
  const { type, name, width } = config;
  return {
    type,
    name,
    decode: (data) =>
      data.length !== width
        ? undefined
        : width === 2
          ? ((data[0] as number) << 8) | (data[1] as number)
          : readU32(data),
    encode: (value) => (width === 2 ? new Uint8Array([(value >> 8) & 0xff, value & 0xff]) : u32Bytes(value)),
    format: config.format ?? ((value) => `<${name} ${value}>`),
    desired: () => config.desired,
    judge: config.judge ?? (() => ACK),
    ...(config.onNak ? { onNak: config.onNak } : {}),
    ...(config.solicit ? { solicit: config.solicit } : {}),
  };
}

/** A value-less boolean option (PFC, ACFC): decode fails on any data; a Nak is impossible (§5.3). */
export function flagOption(type: number, name: string, desired: boolean, accept = true): OptionSpec<true> {
  return {
    type,
    name,
    decode: (data) => (data.length === 0 ? true : undefined),
    encode: () => new Uint8Array(0),
    format: () => `<${name}>`,
    desired: () => (desired ? true : undefined),
    judge: () => (accept ? ACK : REJECT),
  };
}

/** An IPv4 address option in pppd's `<addr 10.0.0.1>` style; `assign` Naks anything else (IPCP). */
export function ipv4Option(
  type: number,
  name: string,
  desired?: string,
  assign?: string,
): OptionSpec<number> {
  const wanted = assign === undefined ? undefined : ipv4(assign);
  return numberOption({
    type,
    name,
    width: 4,
    ...(desired === undefined ? {} : { desired: ipv4(desired) }),
    format: (value) => `<${name} ${ipv4Text(value)}>`,
    judge: (peer) => (wanted === undefined || peer === wanted ? ACK : { verdict: 'nak', suggest: wanted }),
  });
}
