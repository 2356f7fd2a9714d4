// Control-connection messages copied byte for byte from the reference captures in shared/captures
// (tshark hex dumps of pptpd 1.4.0 ↔ pptp-linux 1.10 and a probe client): the TCP payload of each frame.
import { hex } from '@switchyard/wire';

/**
 * Start-Control-Connection-Request from the probe client (framing 3, bearer 3, host "probe").
 * pptpd-reference-ctrl-probe-stop.txt frame 6, 172.31.255.3 → 172.31.255.1.
 */
export const probeSccrq = hex(`
    00 9c 00 01 1a 2b 3c 4d 00 01 00 00 01 00 00 00
    00 00 00 03 00 00 00 03 00 00 01 00 70 72 6f 62
    65 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 70 70 74 70
    2d 63 74 72 6c 2d 70 72 6f 62 65 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00
`);

/**
 * Start-Control-Connection-Reply from pptpd 1.4.0 (framing 0, bearer 0, max channels 1, "local"/"linux").
 * pptpd-reference-ctrl-probe-stop.txt frame 8, 172.31.255.1 → 172.31.255.3.
 */
export const pptpdSccrp = hex(`
    00 9c 00 01 1a 2b 3c 4d 00 02 00 00 01 00 01 00
    00 00 00 00 00 00 00 00 00 01 00 01 6c 6f 63 61
    6c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 6c 69 6e 75
    78 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00
`);

/**
 * Outgoing-Call-Request from the probe (call id 16962, window 64).
 * pptpd-reference-ctrl-probe-stop.txt frame 10, 172.31.255.3 → 172.31.255.1.
 */
export const probeOcrq = hex(`
    00 a8 00 01 1a 2b 3c 4d 00 07 00 00 42 42 00 01
    00 00 01 2c 05 f5 e1 00 00 00 00 03 00 00 00 03
    00 40 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00
`);

/**
 * Outgoing-Call-Reply from pptpd (call id 0, peer call id 16962, speed 100000000, window 64).
 * pptpd-reference-ctrl-probe-stop.txt frame 11, 172.31.255.1 → 172.31.255.3.
 */
export const pptpdOcrpToProbe = hex(`
    00 20 00 01 1a 2b 3c 4d 00 08 00 00 00 00 42 42
    01 00 00 00 05 f5 e1 00 00 40 00 00 00 00 00 00
`);

/**
 * Set-Link-Info from the probe (peer call id 0, ACCMs 0xffffffff).
 * pptpd-reference-ctrl-probe-stop.txt frame 12, 172.31.255.3 → 172.31.255.1.
 */
export const probeSli = hex(`
    00 18 00 01 1a 2b 3c 4d 00 0f 00 00 00 00 00 00
    ff ff ff ff ff ff ff ff
`);

/**
 * Echo-Request from the probe (identifier 0xbeef).
 * pptpd-reference-ctrl-probe-stop.txt frame 15, 172.31.255.3 → 172.31.255.1.
 */
export const probeEcrq = hex(`
    00 10 00 01 1a 2b 3c 4d 00 05 00 00 00 00 be ef
`);

/**
 * Echo-Reply from pptpd (identifier 0xbeef, result 1).
 * pptpd-reference-ctrl-probe-stop.txt frame 17, 172.31.255.1 → 172.31.255.3.
 */
export const pptpdEcrp = hex(`
    00 14 00 01 1a 2b 3c 4d 00 06 00 00 00 00 be ef
    01 00 00 00
`);

/**
 * Stop-Control-Connection-Request from the probe (reason 1).
 * pptpd-reference-ctrl-probe-stop.txt frame 18, 172.31.255.3 → 172.31.255.1.
 */
export const probeStopCcrq = hex(`
    00 10 00 01 1a 2b 3c 4d 00 03 00 00 01 00 00 00
`);

/**
 * Stop-Control-Connection-Reply from pptpd (result 1).
 * pptpd-reference-ctrl-probe-stop.txt frame 19, 172.31.255.1 → 172.31.255.3.
 */
export const pptpdStopCcrp = hex(`
    00 10 00 01 1a 2b 3c 4d 00 04 00 00 01 00 00 00
`);

/**
 * Call-Clear-Request from the probe (call id 16962).
 * pptpd-reference-ctrl-probe-clear.txt frame 18, 172.31.255.3 → 172.31.255.1.
 */
export const probeCcrq = hex(`
    00 10 00 01 1a 2b 3c 4d 00 0c 00 00 42 42 00 00
`);

/**
 * Start-Control-Connection-Request from pptp-linux 1.10 (max channels 65535, vendor "cananian").
 * pptpd-reference-session.txt frame 6, 172.31.255.2 → 172.31.255.1.
 */
export const linuxSccrq = hex(`
    00 9c 00 01 1a 2b 3c 4d 00 01 00 00 01 00 00 00
    00 00 00 03 00 00 00 03 ff ff 00 01 6c 6f 63 61
    6c 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 63 61 6e 61
    6e 69 61 6e 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00
`);

/**
 * Outgoing-Call-Request from pptp-linux (call id 56429, 2400..10000000 bps, window 3).
 * pptpd-reference-session.txt frame 10, 172.31.255.2 → 172.31.255.1.
 */
export const linuxOcrq = hex(`
    00 a8 00 01 1a 2b 3c 4d 00 07 00 00 dc 6d 00 00
    00 00 09 60 00 98 96 80 00 00 00 03 00 00 00 03
    00 03 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00
    00 00 00 00 00 00 00 00
`);

/**
 * Outgoing-Call-Reply from pptpd (call id 0, peer call id 56429, window 3 echoed).
 * pptpd-reference-session.txt frame 11, 172.31.255.1 → 172.31.255.2.
 */
export const pptpdOcrp = hex(`
    00 20 00 01 1a 2b 3c 4d 00 08 00 00 00 00 dc 6d
    01 00 00 00 00 98 96 80 00 03 00 00 00 00 00 00
`);

/**
 * Echo-Request from pptp-linux (identifier 1).
 * pptpd-reference-session.txt frame 62, 172.31.255.2 → 172.31.255.1.
 */
export const linuxEcrq = hex(`
    00 10 00 01 1a 2b 3c 4d 00 05 00 00 00 00 00 01
`);

/**
 * Echo-Reply from pptpd (identifier 1).
 * pptpd-reference-session.txt frame 63, 172.31.255.1 → 172.31.255.2.
 */
export const pptpdEcrpToLinux = hex(`
    00 14 00 01 1a 2b 3c 4d 00 06 00 00 00 00 00 01
    01 00 00 00
`);

/**
 * Call-Clear-Request from pptp-linux (call id 56429).
 * pptpd-reference-session.txt frame 99, 172.31.255.2 → 172.31.255.1.
 */
export const linuxCcrq = hex(`
    00 10 00 01 1a 2b 3c 4d 00 0c 00 00 dc 6d 00 00
`);
