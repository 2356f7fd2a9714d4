// PPP frames copied byte for byte from the reference captures in shared/captures (tshark hex dumps of
// pptpd 1.4.0 + pppd 2.4 (server, 172.31.255.1) ↔ pptp-linux 1.10 (client, 172.31.255.2)): the GRE
// payload of each frame, i.e. the PPP frame with Address/Control and Protocol as sent. Generated, not typed.
import { hex } from '@switchyard/wire';

export interface CapturedFrame {
  /** The capture file in shared/captures and the frame number in it. */
  readonly capture: string;
  readonly frame: number;
  readonly from: 'client' | 'server';
  readonly description: string;
  /** The PPP frame (GRE payload). */
  readonly bytes: Uint8Array;
  /** pppd's trace of it, between the brackets of `sent [...]`/`rcvd [...]` in the server's pppd log. */
  readonly trace?: string;
}

/** pptpd-reference-session.txt frame 13, client → server. */
export const clientLcpConfReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 13,
  from: 'client',
  description:
    'pptp-linux client LCP Configure-Request (no auth option: the client does not ask us to authenticate).',
  bytes: hex(`
    ff 03 c0 21 01 01 00 14 02 06 00 00 00 00 05 06
    ff 95 ae 08 07 02 08 02
  `),
  trace: 'LCP ConfReq id=0x1 <asyncmap 0x0> <magic 0xff95ae08> <pcomp> <accomp>',
};

/** pptpd-reference-session.txt frame 14, server → client. */
export const serverLcpConfReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 14,
  from: 'server',
  description: 'pppd 2.4 server LCP Configure-Request asking for MS-CHAPv2 (03 05 c2 23 81).',
  bytes: hex(`
    ff 03 c0 21 01 01 00 19 02 06 00 00 00 00 03 05
    c2 23 81 05 06 4e ee e6 26 07 02 08 02
  `),
  trace: 'LCP ConfReq id=0x1 <asyncmap 0x0> <auth chap MS-v2> <magic 0x4eeee626> <pcomp> <accomp>',
};

/** pptpd-reference-session.txt frame 15, client → server. */
export const clientLcpConfAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 15,
  from: 'client',
  description: 'Client Acks the server request unchanged.',
  bytes: hex(`
    ff 03 c0 21 02 01 00 19 02 06 00 00 00 00 03 05
    c2 23 81 05 06 4e ee e6 26 07 02 08 02
  `),
  trace: 'LCP ConfAck id=0x1 <asyncmap 0x0> <auth chap MS-v2> <magic 0x4eeee626> <pcomp> <accomp>',
};

/** pptpd-reference-session.txt frame 16, server → client. */
export const serverLcpConfAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 16,
  from: 'server',
  description: 'Server Acks the client request unchanged.',
  bytes: hex(`
    ff 03 c0 21 02 01 00 14 02 06 00 00 00 00 05 06
    ff 95 ae 08 07 02 08 02
  `),
  trace: 'LCP ConfAck id=0x1 <asyncmap 0x0> <magic 0xff95ae08> <pcomp> <accomp>',
};

/** pptpd-reference-session.txt frame 17, client → server. */
export const clientLcpEchoReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 17,
  from: 'client',
  description: 'Client LCP Echo-Request sent with ACFC (no FF 03): Linux forces FF 03 only for codes 1–7.',
  bytes: hex(`
    c0 21 09 00 00 08 ff 95 ae 08
  `),
  trace: 'LCP EchoReq id=0x0 magic=0xff95ae08',
};

/** pptpd-reference-session.txt frame 18, server → client. */
export const serverChapChallenge: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 18,
  from: 'server',
  description: 'Server MS-CHAPv2 Challenge, name "Nanu-VPN" (ACFC: no FF 03).',
  bytes: hex(`
    c2 23 01 a3 00 1d 10 25 3e 91 f9 e9 09 93 f7 8b
    65 b7 8e ad 46 a9 8b 4e 61 6e 75 2d 56 50 4e
  `),
};

/** pptpd-reference-session.txt frame 19, server → client. */
export const serverLcpEchoRep: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 19,
  from: 'server',
  description: 'Server LCP Echo-Reply with its own magic, sent with ACFC by Linux pptp.ko.',
  bytes: hex(`
    c0 21 0a 00 00 08 4e ee e6 26
  `),
  trace: 'LCP EchoRep id=0x0 magic=0x4eeee626',
};

/** pptpd-reference-session.txt frame 20, client → server. */
export const clientChapResponse: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 20,
  from: 'client',
  description: 'Client MS-CHAPv2 Response, name "vpn1".',
  bytes: hex(`
    c2 23 02 a3 00 3a 31 f0 f9 7d 98 0a 15 1f 30 fd
    dc a3 32 0e 57 51 23 00 00 00 00 00 00 00 00 60
    11 63 c7 85 d2 fe c0 80 f3 97 22 2e 7c 70 3d 41
    d5 e9 59 39 39 b5 f8 00 76 70 6e 31
  `),
};

/** pptpd-reference-session.txt frame 21, server → client. */
export const serverChapSuccess: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 21,
  from: 'server',
  description: 'Server MS-CHAPv2 Success "S=… M=Access granted".',
  bytes: hex(`
    c2 23 03 a3 00 3f 53 3d 46 37 31 41 38 34 30 31
    37 38 34 41 42 32 35 32 44 44 30 35 46 32 39 31
    31 37 33 39 46 38 44 30 41 35 37 34 32 34 43 44
    20 4d 3d 41 63 63 65 73 73 20 67 72 61 6e 74 65
    64
  `),
};

/** pptpd-reference-session.txt frame 23, client → server. */
export const clientCcpConfReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 23,
  from: 'client',
  description: 'Client CCP Configure-Request: MPPE 128-bit stateless (+H +S).',
  bytes: hex(`
    80 fd 01 01 00 0a 12 06 01 00 00 40
  `),
  trace: 'CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>',
};

/** pptpd-reference-session.txt frame 24, server → client. */
export const serverCcpConfReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 24,
  from: 'server',
  description: 'Server CCP Configure-Request: MPPE 128-bit stateless (+H +S).',
  bytes: hex(`
    80 fd 01 01 00 0a 12 06 01 00 00 40
  `),
  trace: 'CCP ConfReq id=0x1 <mppe +H -M +S -L -D -C>',
};

/** pptpd-reference-session.txt frame 25, client → server. */
export const clientCcpConfAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 25,
  from: 'client',
  description: 'Client CCP Configure-Ack.',
  bytes: hex(`
    80 fd 02 01 00 0a 12 06 01 00 00 40
  `),
  trace: 'CCP ConfAck id=0x1 <mppe +H -M +S -L -D -C>',
};

/** pptpd-reference-session.txt frame 26, server → client. */
export const serverCcpConfAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 26,
  from: 'server',
  description: 'Server CCP Configure-Ack.',
  bytes: hex(`
    80 fd 02 01 00 0a 12 06 01 00 00 40
  `),
  trace: 'CCP ConfAck id=0x1 <mppe +H -M +S -L -D -C>',
};

/** pptpd-reference-session.txt frame 27, client → server. */
export const clientIpcpConfReq1: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 27,
  from: 'client',
  description: 'Client IPCP Configure-Request: VJ compression, address 0.0.0.0, MS-DNS 0.0.0.0 ×2.',
  bytes: hex(`
    80 21 01 01 00 1c 02 06 00 2d 0f 01 03 06 00 00
    00 00 81 06 00 00 00 00 83 06 00 00 00 00
  `),
  trace: 'IPCP ConfReq id=0x1 <compress VJ 0f 01> <addr 0.0.0.0> <ms-dns1 0.0.0.0> <ms-dns2 0.0.0.0>',
};

/** pptpd-reference-session.txt frame 28, client → server. */
export const clientIpv6cpConfReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 28,
  from: 'client',
  description: 'Client IPV6CP Configure-Request (interface identifier).',
  bytes: hex(`
    80 57 01 01 00 0e 01 0a 10 58 13 fd 49 a3 c6 a0
  `),
};

/** pptpd-reference-session.txt frame 29, server → client. */
export const serverIpcpConfReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 29,
  from: 'server',
  description: 'Server IPCP Configure-Request: its own address 10.0.0.254.',
  bytes: hex(`
    80 21 01 01 00 0a 03 06 0a 00 00 fe
  `),
  trace: 'IPCP ConfReq id=0x1 <addr 10.0.0.254>',
};

/** pptpd-reference-session.txt frame 30, client → server. */
export const clientIpcpConfAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 30,
  from: 'client',
  description: 'Client IPCP Configure-Ack of the server address.',
  bytes: hex(`
    80 21 02 01 00 0a 03 06 0a 00 00 fe
  `),
  trace: 'IPCP ConfAck id=0x1 <addr 10.0.0.254>',
};

/** pptpd-reference-session.txt frame 32, server → client. */
export const serverIpcpConfRej: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 32,
  from: 'server',
  description: 'Server IPCP Configure-Reject of VJ compression only (Reject wins over Nak).',
  bytes: hex(`
    80 21 04 01 00 0a 02 06 00 2d 0f 01
  `),
  trace: 'IPCP ConfRej id=0x1 <compress VJ 0f 01>',
};

/** pptpd-reference-session.txt frame 36, client → server. */
export const clientIpcpConfReq2: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 36,
  from: 'client',
  description: 'Client IPCP Configure-Request again, without VJ.',
  bytes: hex(`
    80 21 01 02 00 16 03 06 00 00 00 00 81 06 00 00
    00 00 83 06 00 00 00 00
  `),
  trace: 'IPCP ConfReq id=0x2 <addr 0.0.0.0> <ms-dns1 0.0.0.0> <ms-dns2 0.0.0.0>',
};

/** pptpd-reference-session.txt frame 37, client → server. */
export const clientMppeData: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 37,
  from: 'client',
  description: 'First MPPE-encrypted data frame: PFC protocol 0xfd (1 byte), header 0x9000.',
  bytes: hex(`
    fd 90 00 f9 61 a9 f9 33 08 28 09 41 84 be 57 a2
    69 59 ec 03 90 cb 96 ff 1b 92 e0 09 56 81 cc 3d
    de fa 82 91 77 13 97 a8 09 15 09 f8 8e 27 b4 e6
    41 74 57 95 f3
  `),
};

/** pptpd-reference-session.txt frame 39, server → client. */
export const serverIpcpConfNak: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 39,
  from: 'server',
  description: 'Server IPCP Configure-Nak assigning 10.0.0.201 and two DNS servers.',
  bytes: hex(`
    80 21 03 02 00 16 03 06 0a 00 00 c9 81 06 ca 6a
    2e 97 83 06 ca 6a 00 14
  `),
  trace: 'IPCP ConfNak id=0x2 <addr 10.0.0.201> <ms-dns1 202.106.46.151> <ms-dns2 202.106.0.20>',
};

/** pptpd-reference-session.txt frame 40, client → server. */
export const clientIpcpConfReq3: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 40,
  from: 'client',
  description: 'Client IPCP Configure-Request with the assigned values.',
  bytes: hex(`
    80 21 01 03 00 16 03 06 0a 00 00 c9 81 06 ca 6a
    2e 97 83 06 ca 6a 00 14
  `),
  trace: 'IPCP ConfReq id=0x3 <addr 10.0.0.201> <ms-dns1 202.106.46.151> <ms-dns2 202.106.0.20>',
};

/** pptpd-reference-session.txt frame 41, server → client. */
export const serverIpcpConfAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 41,
  from: 'server',
  description: 'Server IPCP Configure-Ack.',
  bytes: hex(`
    80 21 02 03 00 16 03 06 0a 00 00 c9 81 06 ca 6a
    2e 97 83 06 ca 6a 00 14
  `),
  trace: 'IPCP ConfAck id=0x3 <addr 10.0.0.201> <ms-dns1 202.106.46.151> <ms-dns2 202.106.0.20>',
};

/** pptpd-reference-session.txt frame 94, client → server. */
export const clientLcpTermReq: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 94,
  from: 'client',
  description: 'Client LCP Terminate-Request "MPPE disabled".',
  bytes: hex(`
    ff 03 c0 21 05 02 00 11 4d 50 50 45 20 64 69 73
    61 62 6c 65 64
  `),
  trace: 'LCP TermReq id=0x2 "MPPE disabled"',
};

/** pptpd-reference-session.txt frame 96, server → client. */
export const serverLcpTermAck: CapturedFrame = {
  capture: 'pptpd-reference-session.txt',
  frame: 96,
  from: 'server',
  description: 'Server LCP Terminate-Ack.',
  bytes: hex(`
    ff 03 c0 21 06 02 00 04
  `),
  trace: 'LCP TermAck id=0x2',
};

/** pptpd-reference-wrong-password.txt frame 25, server → client. */
export const serverLcpTermReqAuthFailed: CapturedFrame = {
  capture: 'pptpd-reference-wrong-password.txt',
  frame: 25,
  from: 'server',
  description: 'Server LCP Terminate-Request after a wrong password.',
  bytes: hex(`
    ff 03 c0 21 05 02 00 19 41 75 74 68 65 6e 74 69
    63 61 74 69 6f 6e 20 66 61 69 6c 65 64
  `),
  trace: 'LCP TermReq id=0x2 "Authentication failed"',
};

/** Every fixture above, in capture order. */
export const CAPTURED_FRAMES: readonly CapturedFrame[] = [
  clientLcpConfReq,
  serverLcpConfReq,
  clientLcpConfAck,
  serverLcpConfAck,
  clientLcpEchoReq,
  serverChapChallenge,
  serverLcpEchoRep,
  clientChapResponse,
  serverChapSuccess,
  clientCcpConfReq,
  serverCcpConfReq,
  clientCcpConfAck,
  serverCcpConfAck,
  clientIpcpConfReq1,
  clientIpv6cpConfReq,
  serverIpcpConfReq,
  clientIpcpConfAck,
  serverIpcpConfRej,
  clientIpcpConfReq2,
  clientMppeData,
  serverIpcpConfNak,
  clientIpcpConfReq3,
  serverIpcpConfAck,
  clientLcpTermReq,
  serverLcpTermAck,
  serverLcpTermReqAuthFailed,
];
