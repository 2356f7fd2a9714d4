// Published test vectors for MS-CHAP and MPPE, from shared/test-vectors.md (RFC 2759 §9, RFC 2433
// App. B, RFC 3079 §2.5 and §3.5, with its errata applied), for this package's and the plugins' tests.
import { hex } from './bytes.js';

/** RFC 2759 §9.2 (= RFC 3079 §3.5 inputs): user "User", password "clientPass". */
export const rfc2759Example = Object.freeze({
  userName: 'User',
  password: 'clientPass',
  passwordUtf16: hex('63 00 6C 00 69 00 65 00 6E 00 74 00 50 00 61 00 73 00 73 00'),
  authenticatorChallenge: hex('5B 5D 7C 7D 7B 3F 2F 3E 3C 2C 60 21 32 26 26 28'),
  peerChallenge: hex('21 40 23 24 25 5E 26 2A 28 29 5F 2B 3A 33 7C 7E'),
  challenge: hex('D0 2E 43 86 BC E9 12 26'),
  passwordHash: hex('44 EB BA 8D 53 12 B8 D6 11 47 44 11 F5 69 89 AE'),
  ntResponse: hex('82 30 9E CD 8D 70 8B 5E A0 8F AA 39 81 CD 83 54 42 33 11 4A 3D 85 D6 DF'),
  passwordHashHash: hex('41 C0 0C 58 4B D2 D9 1C 40 17 A2 A1 2F A5 9F 3F'),
  authenticatorResponse: 'S=407A5589115FD0D6209F510FE9C04566932CDA56',
});

/** RFC 2759 §9.3 and RFC 2433 App. B.3: DES keys from the NT hash of "MyPw". */
export const desKeyExample = Object.freeze({
  passwordHash: hex('FC 15 6A F7 ED CD 6C 0E DD E3 33 7D 42 7F 4E AC'),
  rawKeys: [hex('FC 15 6A F7 ED CD 6C'), hex('0E DD E3 33 7D 42 7F')] as const,
  parityKeys: [hex('FD 0B 5B 5E 7F 6E 34 D9'), hex('0E 6E 79 67 37 EA 08 FE')] as const,
});

/** RFC 2433 App. B.2: MS-CHAPv1 with password "MyPw". */
export const rfc2433Example = Object.freeze({
  password: 'MyPw',
  challenge: hex('10 2D B5 DF 08 5D 30 41'),
  passwordUtf16: hex('4D 00 79 00 50 00 77 00'),
  passwordHash: hex('FC 15 6A F7 ED CD 6C 0E DD E3 33 7D 42 7F 4E AC'),
  ntChallengeResponse: hex('4E 9D 3C 8F 9C FD 38 5D 5B F4 D3 24 67 91 95 6C A4 C3 51 AB 40 9A 3D 61'),
});

/** RFC 3079 §3.5 and test-vectors.md §5.1: MS-CHAPv2 MPPE keys, server view, same inputs as rfc2759Example. */
export const rfc3079V2Example = Object.freeze({
  masterKey: hex('FD EC E3 71 7A 8C 83 8C B3 88 E5 27 AE 3C DD 31'),
  /** Server send = client receive (Magic3). */
  sendStartKey: hex('8B 7C DC 14 9B 99 3A 1B A1 18 CB 15 3F 56 DC CB'),
  /** Server receive = client send (Magic2); derived, not in the RFC. */
  receiveStartKey: hex('D5 F0 E9 52 1E 3E A9 58 96 45 E8 60 51 C8 22 26'),
  sendSessionKey: {
    40: hex('D1 26 9E C4 9F A6 2E 3E'),
    56: hex('D1 5C 00 C4 9F A6 2E 3E'),
    128: hex('40 5C B2 24 7A 79 56 E6 E2 11 00 7A E2 7B 22 D4'),
  },
  receiveSessionKey: {
    40: hex('D1 26 9E D2 AE 99 90 38'),
    56: hex('D1 6A 9B D2 AE 99 90 38'),
    128: hex('49 D1 1D 0F 0C C6 BE FB A2 A9 B4 B6 88 F9 1E EE'),
  },
  /** rc4(initial send session key, "test message"); the 56-bit value with erratum 2 applied (…57 B8). */
  sendTestMessage: {
    40: hex('92 91 37 91 7E 58 03 D6 68 D7 58 98'),
    56: hex('3F 10 68 33 FA 44 8D A8 42 BC 57 B8'),
    128: hex('81 84 83 17 DF 68 84 62 72 FB 5A BE'),
  },
  receiveTestMessage: {
    40: hex('DA 2F FC 50 B2 26 12 D4 1F A7 F2 BB'),
    56: hex('4A B6 DF 61 74 37 26 48 25 FB 65 5C'),
    128: hex('B5 6C A9 56 95 E1 4A CB 15 F1 BA 3C'),
  },
  /** test-vectors.md §5.2: the 128-bit send key after RFC 3078 §7.3 key changes 1, 2, 3. */
  sendRekeys128: [
    hex('72 6F 10 50 0E 2B 54 13 5B 1B 74 D7 68 2F 04 71'),
    hex('28 05 BC 78 69 BE C8 25 57 3A 78 03 E9 5A 3A CD'),
    hex('58 12 8C 36 CA BD 54 96 81 39 FD 94 B5 88 3D 4A'),
  ],
  /** test-vectors.md §5.3: the client's send (server's receive) key after key changes 1, 2. */
  receiveRekeys128: [
    hex('0E 09 C1 08 10 1D FD DE F6 C0 E2 F2 D9 5D 0B AD'),
    hex('03 27 34 39 AC 5F 94 C9 7F 13 D9 13 3D F4 DF C5'),
  ],
  /** Erratum 3: the wrong initial 128-bit key an implementation gets by adding the RC4 step. */
  wrongInitialKeyPrefix: hex('B5 BD 42 47'),
});

/** test-vectors.md §5.3: MPPE frames (protocol 00 FD, header, RC4 of `00 21` + "test message"). */
export const mppeFrameExample = Object.freeze({
  plaintext: hex('00 21 74 65 73 74 20 6D 65 73 73 61 67 65'),
  statelessServerToClient: [
    hex('00 FD 90 00 70 58 22 4E 93 1B 78 D7 B6 15 FA 44 18 31'),
    hex('00 FD 90 01 35 3C 95 4C D5 45 CE 31 27 AE 68 F6 EA F7'),
    hex('00 FD 90 02 CC D9 44 BE 42 CD EB 32 B1 3A D6 72 95 8A'),
  ],
  statelessClientToServer: [
    hex('00 FD 90 00 3F 79 A9 FD 05 90 D2 48 2F 52 F5 0E EE 55'),
    hex('00 FD 90 01 FB 2E 73 58 75 11 6F CE 85 7F B1 B0 79 A8'),
  ],
  statefulServerToClient: [
    hex('00 FD 10 00 F5 C0 84 06 8C 71 C1 7C 64 E9 4E BA F8 A7'),
    hex('00 FD 10 01 E2 99 AB 0E 43 CE 2D 4B 2A 11 C6 E2 8E A9'),
  ],
});

/** RFC 3079 §2.5: MPPE keys from MS-CHAPv1 credentials ("clientPass"). */
export const rfc3079V1Example = Object.freeze({
  password: 'clientPass',
  challenge: hex('10 2d b5 df 08 5d 30 41'),
  lmPasswordHash: hex('76 a1 52 93 60 96 d7 83 0e 23 90 22 74 04 af d2'),
  /** §2.5.1-2.5.2 step 3: GetKey(LM hash, LM hash, 8) before the reduction. */
  lmGetKey: hex('d8 08 01 53 8c ec 4a 08'),
  lmSessionKey40: hex('d1 26 9e 53 8c ec 4a 08'),
  lmSessionKey56: hex('d1 08 01 53 8c ec 4a 08'),
  passwordHash: hex('44 eb ba 8d 53 12 b8 d6 11 47 44 11 f5 69 89 ae'),
  passwordHashHash: hex('41 c0 0c 58 4b d2 d9 1c 40 17 a2 a1 2f a5 9f 3f'),
  /** §2.5.3 Get_Start_Key, with erratum 1 applied (byte 7 is C1; the RFC's step 3 misprints CA). */
  initialSessionKey: hex('a8 94 78 50 cf c0 ac c1 d1 78 9f b6 2d dc dd b0'),
  currentSessionKey: hex('59 d1 59 bc 09 f7 6f 1d a2 a8 6a 28 ff ec 0b 1e'),
});
