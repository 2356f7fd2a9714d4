// PPP Protocol field values (RFC 1661 §2, IANA "PPP DLL Protocol Numbers") for the protocols a PPTP
// server meets, with the short names pppd prints in its traces ("sent [IPV6CP ConfReq ...]").

/** PPP Protocol numbers. Unknown values stay plain numbers so Protocol-Reject can echo them. */
export const PppProtocol = {
  /** Internet Protocol version 4 (RFC 1332). */
  IP: 0x0021,
  /** Van Jacobson compressed TCP/IP (RFC 1332 §4). */
  VJ_COMPRESSED_TCP: 0x002d,
  /** Van Jacobson uncompressed TCP/IP (RFC 1332 §4). */
  VJ_UNCOMPRESSED_TCP: 0x002f,
  /** Internet Protocol version 6 (RFC 5072). */
  IPV6: 0x0057,
  /** A compressed (and with MPPE, encrypted) datagram (RFC 1962 §4, RFC 3078 §3). */
  COMPRESSED: 0x00fd,
  /** IP Control Protocol (RFC 1332). */
  IPCP: 0x8021,
  /** Encryption Control Protocol (RFC 1968). */
  ECP: 0x8053,
  /** IPv6 Control Protocol (RFC 5072). */
  IPV6CP: 0x8057,
  /** Compression Control Protocol (RFC 1962); MPPE is negotiated here (RFC 3078). */
  CCP: 0x80fd,
  /** Link Control Protocol (RFC 1661). */
  LCP: 0xc021,
  /** Password Authentication Protocol (RFC 1334). */
  PAP: 0xc023,
  /** Link Quality Report (RFC 1989). */
  LQR: 0xc025,
  /** Microsoft Callback Control Protocol (Windows asks for it; we reject the LCP option). */
  CBCP: 0xc029,
  /** Challenge Handshake Authentication Protocol, also MS-CHAP v1/v2 (RFC 1994, RFC 2759). */
  CHAP: 0xc223,
  /** Extensible Authentication Protocol (RFC 3748). */
  EAP: 0xc227,
} as const;

export type PppProtocolName = keyof typeof PppProtocol;

const NAMES = new Map<number, string>(Object.entries(PppProtocol).map(([name, value]) => [value, name]));

/** pppd's name for a protocol ('LCP', 'IPV6CP'…), or `0x%04x` for one we do not know. */
export function protocolName(protocol: number): string {
  return NAMES.get(protocol) ?? `0x${protocol.toString(16).padStart(4, '0')}`;
}
