// Reassembles PPTP control messages from TCP reads (RFC 2637 §1.4): messages may be split across
// reads or coalesced into one. Any header error is loss of synchronisation, after which RFC 2637 §1.4
// requires closing the connection, so the framer reports one failure and then ignores further input.
import { type Decoded, fail } from '@switchyard/wire';
import { PPTP_HEADER_LENGTH } from './constants.js';
import { decodePptpHeader, PptpDecodeReason } from './header.js';
import { decodePptpMessage } from './message-codec.js';
import type { PptpMessage } from './messages.js';

const EMPTY = new Uint8Array(0);

export class PptpFramer {
  private pending: Uint8Array = EMPTY;
  private consumed = 0;
  private lostSync = false;

  /** True once a failure was reported: the caller must close the connection; later input is ignored. */
  get failed(): boolean {
    return this.lostSync;
  }

  /** Bytes held while waiting for the rest of a message. */
  get buffered(): number {
    return this.pending.length;
  }

  /**
   * Feeds one TCP read. Returns the messages it completes in order, ending with at most one failure
   * (whose `offset` counts from the start of the stream). `chunk` is not retained: the caller may reuse it.
   */
  push(chunk: Uint8Array): Decoded<PptpMessage>[] {
    if (this.lostSync || chunk.length === 0) return [];
    const data = this.pending.length === 0 ? chunk : concat(this.pending, chunk);
    const out: Decoded<PptpMessage>[] = [];
    let at = 0;
    while (at < data.length) {
      const header = decodePptpHeader(data.subarray(at, at + PPTP_HEADER_LENGTH));
      if (!header.ok && header.error.reason === PptpDecodeReason.Truncated) break;
      if (!header.ok) {
        out.push(this.lose(header.error.reason, at + header.error.offset, header.error.message));
        return out;
      }
      const end = at + header.value.length;
      if (end > data.length) break;
      const decoded = decodePptpMessage(data.subarray(at, end));
      if (!decoded.ok) {
        out.push(this.lose(decoded.error.reason, at + decoded.error.offset, decoded.error.message));
        return out;
      }
      out.push(decoded);
      at = end;
    }
    this.consumed += at;
    this.pending = at === data.length ? EMPTY : data.slice(at);
    return out;
  }

  private lose(reason: string, offset: number, message: string): Decoded<PptpMessage> {
    this.lostSync = true;
    this.pending = EMPTY;
    return fail(reason, this.consumed + offset, `lost synchronisation: ${message}`);
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
