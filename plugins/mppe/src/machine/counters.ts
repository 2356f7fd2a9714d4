// MPPE data-path counters, per session and summed per appliance: what was encrypted and decrypted, and
// every reason a packet was dropped (STYLE.md §3.7: malformed peer input is dropped and counted).

export interface MppeCounters {
  packetsEncrypted: number;
  /** Plaintext bytes, inner protocol field included. */
  bytesEncrypted: number;
  packetsDecrypted: number;
  bytesDecrypted: number;
  /** protect() while CCP was not Opened (MPPE required): dropped, never sent in clear. */
  sendDroppedNotUp: number;
  /** 0x00FD frames while no decryptor was running (CCP not Opened, or MPPE off). */
  receivedNotUp: number;
  /** Too short to hold a header and a protocol field. */
  malformed: number;
  /** D clear, A clear in stateless mode, or a stateful flag packet without A (Linux sanity checks). */
  badHeader: number;
  /** Stateless: more than 2048 counts behind the last packet (RFC 3078 §8.1 + Linux late-packet rule). */
  late: number;
  /** Stateless: the coherency count of the last packet again. */
  duplicate: number;
  /** Coherency counts skipped: packets presumed lost. */
  lost: number;
  /** Stateful: dropped while waiting for a FLUSHED packet after a Reset-Request (§8.2). */
  discarded: number;
  /** Decrypted to a protocol outside 0x0021–0x00FA: out of sync or a broken peer. */
  badInnerProtocol: number;
  resetRequestsSent: number;
  resetRequestsReceived: number;
  resetAcksReceived: number;
  /** CCP packets that did not decode. */
  ccpMalformed: number;
}

export function newMppeCounters(): MppeCounters {
  return {
    packetsEncrypted: 0,
    bytesEncrypted: 0,
    packetsDecrypted: 0,
    bytesDecrypted: 0,
    sendDroppedNotUp: 0,
    receivedNotUp: 0,
    malformed: 0,
    badHeader: 0,
    late: 0,
    duplicate: 0,
    lost: 0,
    discarded: 0,
    badInnerProtocol: 0,
    resetRequestsSent: 0,
    resetRequestsReceived: 0,
    resetAcksReceived: 0,
    ccpMalformed: 0,
  };
}

/** Adds `from` into `into` (appliance totals). */
export function addMppeCounters(into: MppeCounters, from: Readonly<MppeCounters>): void {
  for (const key of Object.keys(into) as (keyof MppeCounters)[]) into[key] += from[key];
}
