// Test fixtures: the MS-CHAPv2 exchanges pppd 2.4.9 (server, `name Nanu-VPN`) and the Linux client
// (pppd 2.4.9 + pptp-linux) had in shared/captures/pptpd-reference-*.pcapng: CHAP packets as they were
// on the wire after the PPP Protocol field, with the credentials of the matching *.config.txt.
import { hex } from '@switchyard/wire';

export interface CapturedChapExchange {
  /** The capture the bytes were taken from. */
  readonly source: string;
  readonly server: string;
  readonly user: string;
  /** The password the client used (chap-secrets holds "123456"). */
  readonly password: string;
  readonly challenge: Uint8Array;
  readonly response: Uint8Array;
  /** Success or Failure, as pppd sent it. */
  readonly status: Uint8Array;
  /** The server pppd's debug line for each packet. */
  readonly traces: readonly [string, string, string];
}

/** pptpd-reference-session: frames 18, 20, 21; the right password. */
export const capturedSession: CapturedChapExchange = Object.freeze({
  source: 'pptpd-reference-session.pcapng',
  server: 'Nanu-VPN',
  user: 'vpn1',
  password: '123456',
  challenge: hex('01a3001d10253e91f9e90993f78b65b78ead46a98b4e616e752d56504e'),
  response: hex(
    '02a3003a31f0f97d980a151f30fddca3320e5751230000000000000000601163c785d2fec080f397222e7c703d41d5e959' +
      '3939b5f80076706e31',
  ),
  status: hex(
    '03a3003f533d46373141383430313738344142323532444430354632393131373339463844304135373432344344204d3d' +
      '416363657373206772616e746564',
  ),
  traces: [
    'CHAP Challenge id=0xa3 <253e91f9e90993f78b65b78ead46a98b>, name = "Nanu-VPN"',
    'CHAP Response id=0xa3 <f0f97d980a151f30fddca3320e5751230000000000000000601163c785d2fec080f397222e7c703d41d5e9593939b5f800>, name = "vpn1"',
    'CHAP Success id=0xa3 "S=F71A8401784AB252DD05F2911739F8D0A57424CD M=Access granted"',
  ] as const,
});

/** pptpd-reference-wrong-password: frames 18, 20, 22; the client used "wrongpass". */
export const capturedWrongPassword: CapturedChapExchange = Object.freeze({
  source: 'pptpd-reference-wrong-password.pcapng',
  server: 'Nanu-VPN',
  user: 'vpn1',
  password: 'wrongpass',
  challenge: hex('013c001d104e53b7d3c898aff36e286931c6c439434e616e752d56504e'),
  response: hex(
    '023c003a3189a4e694ea6619f5f45ac9de68cdc4160000000000000000b00d548ad0cb955bf36594d99215df2a87e592' +
      '04e76e9f0f0076706e31',
  ),
  status: hex(
    '043c0044453d36393120523d3120433d346535336237643363383938616666333665323836393331633663343339343320' +
      '563d30204d3d4163636573732064656e696564',
  ),
  traces: [
    'CHAP Challenge id=0x3c <4e53b7d3c898aff36e286931c6c43943>, name = "Nanu-VPN"',
    'CHAP Response id=0x3c <89a4e694ea6619f5f45ac9de68cdc4160000000000000000b00d548ad0cb955bf36594d99215df2a87e59204e76e9f0f00>, name = "vpn1"',
    'CHAP Failure id=0x3c "E=691 R=1 C=4e53b7d3c898aff36e286931c6c43943 V=0 M=Access denied"',
  ] as const,
});

/** pptpd-reference-server-hangup: frames 17, 19, 20; the right password, another challenge. */
export const capturedServerHangup: CapturedChapExchange = Object.freeze({
  source: 'pptpd-reference-server-hangup.pcapng',
  server: 'Nanu-VPN',
  user: 'vpn1',
  password: '123456',
  challenge: hex('0147001d103eee5ef87fb9f18cc509afadb48c8f9b4e616e752d56504e'),
  response: hex(
    '0247003a31f7df9037d26cd8115a9d504f7afb928a00000000000000001e5ad76e827978339f762b5ce7830bb4091f4a4d' +
      'c3ca1cc80076706e31',
  ),
  status: hex(
    '0347003f533d31373942463442443935323835383645324537443037373046423833324535444635433137313541204d3d' +
      '416363657373206772616e746564',
  ),
  traces: [
    'CHAP Challenge id=0x47 <3eee5ef87fb9f18cc509afadb48c8f9b>, name = "Nanu-VPN"',
    'CHAP Response id=0x47 <f7df9037d26cd8115a9d504f7afb928a00000000000000001e5ad76e827978339f762b5ce7830bb4091f4a4dc3ca1cc800>, name = "vpn1"',
    'CHAP Success id=0x47 "S=179BF4BD9528586E2E7D0770FB832E5DF5C1715A M=Access granted"',
  ] as const,
});

export const CAPTURED_CHAP: readonly CapturedChapExchange[] = [
  capturedSession,
  capturedWrongPassword,
  capturedServerHangup,
];
