// GRE packets copied byte for byte from the reference captures in shared/captures (pptpd 1.4.0 ↔
// pptp-linux 1.10): the IP payload of each frame. Session: pptp-linux's Call ID 56429 (0xdc6d), pptpd's 0.
import { hex } from '@switchyard/wire';

/**
 * pptp-linux → pptpd: LCP Configure-Request, call id 0 (pptpd's), seq 1 (Linux starts at 1), no ack.
 * pptpd-reference-session.txt frame 13, 172.31.255.2 → 172.31.255.1.
 */
export const linuxLcpConfReq = hex(`
    30 01 88 0b 00 18 00 00 00 00 00 01 ff 03 c0 21
    01 01 00 14 02 06 00 00 00 00 05 06 ff 95 ae 08
    07 02 08 02
`);

/**
 * pptpd → pptp-linux: LCP Configure-Request, call id 56429, seq 0 (pptpd starts at 0), no ack.
 * pptpd-reference-session.txt frame 14, 172.31.255.1 → 172.31.255.2.
 */
export const pptpdLcpConfReq = hex(`
    30 01 88 0b 00 1d dc 6d 00 00 00 00 ff 03 c0 21
    01 01 00 19 02 06 00 00 00 00 03 05 c2 23 81 05
    06 4e ee e6 26 07 02 08 02
`);

/**
 * pptpd → pptp-linux: LCP Configure-Ack, seq 1, ack 2 (flags 30 81).
 * pptpd-reference-session.txt frame 16, 172.31.255.1 → 172.31.255.2.
 */
export const pptpdLcpConfAck = hex(`
    30 81 88 0b 00 18 dc 6d 00 00 00 01 00 00 00 02
    ff 03 c0 21 02 01 00 14 02 06 00 00 00 00 05 06
    ff 95 ae 08 07 02 08 02
`);

/**
 * pptp-linux → pptpd: LCP Echo-Request without FF 03 (ACFC, anchors §6 #12), seq 3, ack 1.
 * pptpd-reference-session.txt frame 17, 172.31.255.2 → 172.31.255.1.
 */
export const linuxLcpEchoRequest = hex(`
    30 81 88 0b 00 0a 00 00 00 00 00 03 00 00 00 01
    c0 21 09 00 00 08 ff 95 ae 08
`);

/**
 * pptpd → pptp-linux: CHAP Success, seq 4, ack 4.
 * pptpd-reference-session.txt frame 21, 172.31.255.1 → 172.31.255.2.
 */
export const pptpdChapSuccess = hex(`
    30 81 88 0b 00 41 dc 6d 00 00 00 04 00 00 00 04
    c2 23 03 a3 00 3f 53 3d 46 37 31 41 38 34 30 31
    37 38 34 41 42 32 35 32 44 44 30 35 46 32 39 31
    31 37 33 39 46 38 44 30 41 35 37 34 32 34 43 44
    20 4d 3d 41 63 63 65 73 73 20 67 72 61 6e 74 65
    64
`);

/**
 * pptp-linux → pptpd: first MPPE data frame (protocol fd after PFC), seq 12.
 * pptpd-reference-session.txt frame 37, 172.31.255.2 → 172.31.255.1.
 */
export const linuxMppeData = hex(`
    30 01 88 0b 00 35 00 00 00 00 00 0c fd 90 00 f9
    61 a9 f9 33 08 28 09 41 84 be 57 a2 69 59 ec 03
    90 cb 96 ff 1b 92 e0 09 56 81 cc 3d de fa 82 91
    77 13 97 a8 09 15 09 f8 8e 27 b4 e6 41 74 57 95
    f3
`);

/**
 * pptp-linux → pptpd: acknowledgment-only packet, ack 4 in the sequence-number position (flags 20 81).
 * pptpd-reference-session.pcapng frame 22, 172.31.255.2 → 172.31.255.1 (ack-only frames are left out
 * of the .txt dump; the bytes come from the pcapng, see its .summary.txt line 22).
 */
export const linuxAckOnly = hex('20 81 88 0b 00 00 00 00 00 00 00 04');

/**
 * pptpd → pptp-linux: acknowledgment-only packet 50 ms after the last data (pptpd's idle ack), ack 14.
 * pptpd-reference-session.pcapng frame 43, 172.31.255.1 → 172.31.255.2.
 */
export const pptpdAckOnly = hex('20 81 88 0b 00 00 dc 6d 00 00 00 0e');
