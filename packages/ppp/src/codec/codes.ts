// Control-protocol packet Codes: 1–11 of RFC 1661 §5, LCP's Identification and Time-Remaining
// (RFC 1570 §1.1–1.2), CCP's Reset-Request/-Ack (RFC 1962 §3.1), and which protocol defines which.
import { PppProtocol } from './protocols.js';

/** The Code field of LCP, IPCP, CCP, IPV6CP… packets. */
export const CpCode = {
  ConfigureRequest: 1,
  ConfigureAck: 2,
  ConfigureNak: 3,
  ConfigureReject: 4,
  TerminateRequest: 5,
  TerminateAck: 6,
  CodeReject: 7,
  /** LCP only (RFC 1661 §5.7). */
  ProtocolReject: 8,
  /** LCP only (RFC 1661 §5.8). */
  EchoRequest: 9,
  EchoReply: 10,
  /** LCP only (RFC 1661 §5.9). */
  DiscardRequest: 11,
  /** LCP only (RFC 1570 §1.1). Windows sends three of these after LCP opens (anchors §6 #13). */
  Identification: 12,
  /** LCP only (RFC 1570 §1.2). */
  TimeRemaining: 13,
  /** CCP and ECP only (RFC 1962 §3.1, RFC 1968). */
  ResetRequest: 14,
  ResetAck: 15,
} as const;

export type CpCodeName = keyof typeof CpCode;

/** Codes 1–7 are common to every control protocol (RFC 1661 §5: "codes 1 through 7"). */
const COMMON_CODES: readonly number[] = [1, 2, 3, 4, 5, 6, 7];

/** Extra codes per protocol; any protocol not listed has only the common ones (IPCP, IPV6CP: RFC 1332 §2). */
const EXTRA_CODES: ReadonlyMap<number, readonly number[]> = new Map([
  [PppProtocol.LCP, [8, 9, 10, 11, 12, 13]],
  [PppProtocol.CCP, [14, 15]],
  [PppProtocol.ECP, [14, 15]],
]);

/** True when `code` is defined for `protocol`; anything else is an unknown code (RUC → Code-Reject). */
export function isCodeDefined(protocol: number, code: number): boolean {
  return COMMON_CODES.includes(code) || (EXTRA_CODES.get(protocol)?.includes(code) ?? false);
}

/** pppd's short names (lcp.c lcp_codenames, ccp.c ccp_codenames), as printed in its traces. */
const PPPD_NAMES: readonly string[] = [
  '',
  'ConfReq',
  'ConfAck',
  'ConfNak',
  'ConfRej',
  'TermReq',
  'TermAck',
  'CodeRej',
  'ProtRej',
  'EchoReq',
  'EchoRep',
  'DiscReq',
  'Ident',
  'TimeRem',
  'ResetReq',
  'ResetAck',
];

/** 'ConfReq', 'EchoRep'…, or pppd's `code=0x%x` when `protocol` does not define `code`. */
export function codeName(protocol: number, code: number): string {
  return isCodeDefined(protocol, code) ? (PPPD_NAMES[code] as string) : `code=0x${code.toString(16)}`;
}
