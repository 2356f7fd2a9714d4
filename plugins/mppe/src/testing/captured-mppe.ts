// MPPE data frames copied byte for byte from shared/captures/pptpd-reference-session.pcapng (pptpd 1.4.0 +
// pppd 2.4.9 + Linux ppp_mppe, server 172.31.255.1, against pptp-linux + pppd, client 172.31.255.2): the GRE
// payload of every 0x00FD frame, 128-bit stateless, and the MS-CHAPv2 exchange their keys come from.
// Generated with tshark (`-Y 'ppp.protocol == 0x00fd' -T json -x`), not typed.
import type { MppeKeyMaterial } from '@switchyard/core';
import { getMasterKey, hashNtPasswordHash, ntPasswordHash } from '@switchyard/crypto';
import { hex } from '@switchyard/wire';

export interface CapturedMppeFrame {
  /** Frame number in pptpd-reference-session.pcapng. */
  readonly frame: number;
  readonly from: 'client' | 'server';
  /** The PPP frame as sent: protocol 0xfd PFC-compressed (1 octet), MPPE header, encrypted data. */
  readonly bytes: Uint8Array;
}

/**
 * The credentials of that session (chap-secrets `vpn1 Nanu-VPN "123456"`) and the NT-Response of the
 * client's CHAP Response (frame 20, value bytes 24–47), from which both ends derived their MPPE keys.
 */
export const captureCredentials = Object.freeze({
  user: 'vpn1',
  password: '123456',
  authenticatorChallenge: hex('25 3e 91 f9 e9 09 93 f7 8b 65 b7 8e ad 46 a9 8b'),
  peerChallenge: hex('f0 f9 7d 98 0a 15 1f 30 fd dc a3 32 0e 57 51 23'),
  ntResponse: hex('60 11 63 c7 85 d2 fe c0 80 f3 97 22 2e 7c 70 3d 41 d5 e9 59 39 39 b5 f8'),
});

/** What the MS-CHAPv2 authenticator hands MPPE for that session: GetMasterKey(PasswordHashHash, NT-Response). */
export function captureKeyMaterial(): MppeKeyMaterial {
  const passwordHashHash = hashNtPasswordHash(ntPasswordHash(captureCredentials.password));
  return { kind: 'mschapv2', masterKey: getMasterKey(passwordHashHash, captureCredentials.ntResponse) };
}

/** Every MPPE frame of the session in capture order: coherency counts 0–7 in each direction. */
export const capturedMppeFrames: readonly CapturedMppeFrame[] = [
  {
    frame: 37,
    from: 'client',
    bytes: hex(`
      fd 90 00 f9 61 a9 f9 33 08 28 09 41 84 be 57 a2
      69 59 ec 03 90 cb 96 ff 1b 92 e0 09 56 81 cc 3d
      de fa 82 91 77 13 97 a8 09 15 09 f8 8e 27 b4 e6
      41 74 57 95 f3
    `),
  },
  {
    frame: 38,
    from: 'server',
    bytes: hex(`
      fd 90 00 99 3d d8 64 61 12 44 a5 cf 11 c6 6a 0c
      40 cd c4 80 7c 43 f9 ef 5b 94 7c 35 07 b7 91 d1
      28 a1 d6 c2 3b 96 e1 78 e7 9c 25 a0 8d 40 a9 3e
      65 54 51 37 5c
    `),
  },
  {
    frame: 42,
    from: 'client',
    bytes: hex(`
      fd 90 01 18 16 7e 18 48 1b d4 33 d5 de 21 23 4c
      02 a4 5d 5a 6a 3b 50 07 fb c8 7e 90 b6 78 6f fd
      10 98 f5 75 5b 5d e7 4f 65 c1 c1 07 c8 c4 0f 02
      49 48 11 d0 81 e9 e2 42 af ca ef 87 5b 91 f0 96
      fb e6 50 1f c5 3c ca 8f f7 c4 10 9c a7 29 f7 36
      6e 31 8e 09 65 58 2f e6 82
    `),
  },
  {
    frame: 44,
    from: 'server',
    bytes: hex(`
      fd 90 01 35 32 c9 6e e5 31 05 49 9c 6f c1 77 d9
      a4 75 95 5a f1 f6 1a 32 5b c7 10 55 77 2f 23 21
      57 e2 f9 af f5 f9 77 5f 1e c6 67 78 36 fb 36 2e
      62 5a a0 29 4e 3c 74 ec 8c 4d ac e8 d4 2b 2f 16
      07 24 42 51 c0 d7 ee 7e 2e e0 37 62 df 35 b0 25
      91 cc 4b 29 de 80 23 ad 85
    `),
  },
  {
    frame: 45,
    from: 'client',
    bytes: hex(`
      fd 90 02 4f c2 e2 68 fb 44 95 f5 c1 96 b8 65 95
      b0 7f b7 50 91 59 d5 ce e2 3e 44 7e 1f 7c 29 96
      00 e9 e1 05 0f 96 c5 27 79 c5 b3 ab 69 64 24 9f
      32 a0 af 54 1c dc ff 06 ca d4 40 8f 55 80 23 5f
      e2 8e 48 77 dd e6 40 8a da cc 51 d9 71 b0 af 9d
      e1 dc 07 29 26 2f fc a2 4b
    `),
  },
  {
    frame: 46,
    from: 'server',
    bytes: hex(`
      fd 90 02 af dc 08 2c 7e 38 48 ea 06 5b 4c b7 d0
      a9 0a 3d b8 1a 7a 73 e4 2b c8 5b 0c 9b 26 67 00
      c9 4a dc 90 5c 5a ff 24 c7 06 e7 99 23 c4 fd 7e
      47 0f a2 99 d1 2c db ec 52 f9 90 81 b7 6b 34 ff
      34 a1 da ac 79 56 bb 74 f3 53 24 b0 4e 00 7a 14
      c1 8e 66 40 11 34 4c 96 a8
    `),
  },
  {
    frame: 47,
    from: 'client',
    bytes: hex(`
      fd 90 03 98 a2 e4 c8 94 c0 37 06 ff c7 b6 73 8d
      52 a6 84 47 a8 6f 57 60 a4 95 a2 2c 1a 44 fe 21
      57 10 7e 21 80 5f 60 79 cb 34 6a 78 ba 29 c3 85
      58 7b ba 2b 5e 43 f3 6b ff d9 8d 36 df 5c b6 3c
      31 07 ce ef ee a3 7f 22 a9 6b 92 cf 8f 8a 61 f5
      d4 05 0f 4a 62 e1 00 b8 4e
    `),
  },
  {
    frame: 48,
    from: 'server',
    bytes: hex(`
      fd 90 03 27 85 c3 20 90 04 6b c1 b7 89 42 9c ee
      0d d0 43 40 15 48 bf 88 08 55 48 f1 1f 89 01 22
      12 59 f6 13 a9 ca bd f1 17 62 7f 44 b6 99 f4 d0
      94 d6 48 19 9f c2 fc 86 97 9d de 10 32 cf 07 66
      f6 05 5d 0b e6 bb fa c4 a5 1e 1a 62 73 8d 60 ec
      57 cc 2a 6f 2e 2a 9f 69 be
    `),
  },
  {
    frame: 49,
    from: 'client',
    bytes: hex(`
      fd 90 04 61 c1 bd e8 23 0b a5 e6 67 b8 8e 59 08
      91 b2 74 e3 d4 e3 84 ec fb 73 63 d9 6b 81 a1 e4
      c5 f6 6b 30 34 9d f5 97 d4 50 88 9c 71 9d 4d ab
      6a 4e 73 51 68 9d 2c 11 05 4a f2 8a e0 d7 0e b5
      09 12 e1 2e ca 28 2c eb 53 79 69 c7 56 11 ae a8
      a7 be 75 27 30 d8 26 fd 1d
    `),
  },
  {
    frame: 50,
    from: 'server',
    bytes: hex(`
      fd 90 04 46 55 57 ba 95 07 5a 21 c4 67 9b 52 5a
      6d fa 09 2e 7b 2b 40 0c 8b d4 5a f3 a2 4a 24 b9
      86 c9 4f 46 5f 35 a5 e7 f4 bf 25 27 e8 70 9a b1
      49 91 5c 29 29 6f e1 5e 29 a2 fa 1e 39 62 23 ea
      53 39 5e 90 cd 86 05 33 3f 19 57 97 98 d5 f5 8f
      e8 50 4f 00 86 22 bc 4e 8b
    `),
  },
  {
    frame: 52,
    from: 'client',
    bytes: hex(`
      fd 90 05 86 e8 87 df 04 56 8d 02 13 67 ab e1 75
      b4 b9 26 6e 0c 48 a5 5b 30 68 e8 25 54 06 ab 2a
      20 16 fb 8c c6 59 bb 33 62 35 99 3a 28 e6 8c bc
      29 3d a1 a3 5f e8 f9 03 e2 48 ea 63 4f ec 4d a7
      e1 03 1e 3a 20 f8 1b 49 41 03 c4 10 ff b0 70 64
      d0 4a 72 5d 27 18 98 66 4e
    `),
  },
  {
    frame: 53,
    from: 'server',
    bytes: hex(`
      fd 90 05 21 c6 5e be 5c 67 77 44 d0 cc 24 bb f9
      fe 3d 64 68 db ab 57 5e b0 d5 13 3b da 69 9b 82
      a1 33 41 ae 16 97 ee 8a e3 00 3a 6e c6 6f 51 bb
      ab e4 46 dc b0 a7 8d 17 b6 7f 75 10 ef 2a f1 32
      a2 1a 48 de 6c 1e 2d 08 5c 1b 26 3f 29 1d 67 9b
      3f c2 64 99 18 71 70 44 23
    `),
  },
  {
    frame: 58,
    from: 'client',
    bytes: hex(`
      fd 90 06 b1 9c 77 92 65 b3 01 e4 6f e5 9f 8e 8a
      e6 e6 73 2e 16 b1 49 88 76 55 61 2b b1 31 04 56
      0c 3b 39 c7 5b bd 43 31 30 ea e6 8f 0c 63 3f 49
      97 ac 58 c8 66
    `),
  },
  {
    frame: 60,
    from: 'server',
    bytes: hex(`
      fd 90 06 73 dd 25 f0 67 5d 45 da 2e b2 ed 67 21
      8e 1b 30 a0 22 bc c9 40 3c 3c 63 34 7a cb 2d 89
      be 0b 7a b5 17 33 16 91 39 f2 10 60 f8 89 18 8c
      3a 4c ff a1 60
    `),
  },
  {
    frame: 76,
    from: 'client',
    bytes: hex(`
      fd 90 07 4b 46 78 bd d3 d8 c4 dc 35 3a 42 c8 28
      32 64 e4 a7 63 ee de 8a ec 7a 9f 37 d8 fb 9f 33
      75 c4 69 8e 22 01 e7 22 63 d3 16 0a 8e a5 f9 5c
      32 b8 08 1f d0
    `),
  },
  {
    frame: 78,
    from: 'server',
    bytes: hex(`
      fd 90 07 e7 52 4e 87 86 4e 36 3f 40 97 6f 6a ec
      e5 4b 56 dc df d2 ba df 32 e5 db 65 9e c4 cf 91
      d4 f5 ad 9a 36 50 2d c9 1b 98 76 76 0b b0 ed 14
      4d 82 ba 9f d4
    `),
  },
];
