// The MPPE CCP Configuration Option (RFC 3078 §2): type 18, length 6, 32 Supported Bits, big-endian.
// Bit values, the strength each bit stands for, and pppd's trace text `<mppe +H -M +S -L -D -C>`.
import type { MppeStrength } from '@switchyard/crypto';

/** CCP option type 18, "Microsoft PPC" in RFC 1962 §4; MPPC and MPPE share it (RFC 3078 §2). */
export const MPPE_OPTION_TYPE = 18;
/** Type, Length and the 4 Supported Bits octets. */
export const MPPE_OPTION_LENGTH = 6;

/** The Supported Bits (RFC 3078 §2; pppd mppe.h MPPE_*_BIT). */
export const MppeBit = {
  /** Stateless mode: a key change before every packet (§7.1). Most significant octet, 0x01. */
  H: 0x01000000,
  /** 56-bit session keys. */
  M: 0x80,
  /** 128-bit session keys. */
  S: 0x40,
  /** 40-bit session keys. */
  L: 0x20,
  /** Obsolete; "SHOULD NOT be accepted" (§2). */
  D: 0x10,
  /** MPPC compression (RFC 2118), which we never negotiate. */
  C: 0x01,
} as const;

/** Every bit RFC 3078 defines; anything else is reserved and "MUST be set to 0". */
export const MPPE_KNOWN_BITS = MppeBit.H | MppeBit.M | MppeBit.S | MppeBit.L | MppeBit.D | MppeBit.C;

/** Strengths with their bit, strongest first (§2.1: S, then M, then L). */
export const STRENGTH_BITS: readonly (readonly [MppeStrength, number])[] = [
  [128, MppeBit.S],
  [56, MppeBit.M],
  [40, MppeBit.L],
];

/** The bit that asks for `strength`. */
export function strengthBit(strength: MppeStrength): number {
  return strength === 128 ? MppeBit.S : strength === 56 ? MppeBit.M : MppeBit.L;
}

/** The strengths `bits` asks for, strongest first. */
export function strengthsIn(bits: number): MppeStrength[] {
  return STRENGTH_BITS.filter(([, bit]) => (bits & bit) !== 0).map(([strength]) => strength);
}

/** True when `bits` asks for stateless mode (H set). */
export const isStateless = (bits: number): boolean => (bits & MppeBit.H) !== 0;

/** The Supported Bits for one strength, stateless or stateful. */
export function mppeBits(strength: MppeStrength, stateless: boolean): number {
  return ((stateless ? MppeBit.H : 0) | strengthBit(strength)) >>> 0;
}

/** Value bytes → Supported Bits; undefined unless exactly 4 bytes (the engine then Configure-Rejects). */
export function decodeMppeBits(data: Uint8Array): number | undefined {
  if (data.length !== MPPE_OPTION_LENGTH - 2) return undefined;
  return (
    (((data[0] as number) << 24) |
      ((data[1] as number) << 16) |
      ((data[2] as number) << 8) |
      (data[3] as number)) >>>
    0
  );
}

export function encodeMppeBits(bits: number): Uint8Array {
  return new Uint8Array([(bits >>> 24) & 0xff, (bits >>> 16) & 0xff, (bits >>> 8) & 0xff, bits & 0xff]);
}

const FLAG_NAMES: readonly (readonly [string, number])[] = [
  ['M', MppeBit.M],
  ['S', MppeBit.S],
  ['L', MppeBit.L],
  ['D', MppeBit.D],
  ['C', MppeBit.C],
];

/** pppd ccp_printpkt: `<mppe +H -M +S -L -D -C>`, plus ` +U (01 00 00 48)` when reserved bits are set. */
export function formatMppeBits(bits: number): string {
  const flags = FLAG_NAMES.map(([name, bit]) => ` ${bits & bit ? '+' : '-'}${name}`).join('');
  const unknown = (bits & ~MPPE_KNOWN_BITS) !== 0;
  const raw = Array.from(encodeMppeBits(bits), (b) => b.toString(16).padStart(2, '0')).join(' ');
  return `<mppe ${isStateless(bits) ? '+' : '-'}H${flags}${unknown ? ` +U (${raw})` : ''}>`;
}

/** pppd's name for a negotiated direction: 'MPPE 128-bit stateless' (ccp.c method_name). */
export function mppeMethodName(bits: number): string {
  const sizes = strengthsIn(bits)
    .map((strength) => `${strength}-bit `)
    .join('');
  return `MPPE ${sizes}${isStateless(bits) ? 'stateless' : 'stateful'}`;
}
