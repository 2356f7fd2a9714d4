// The option bookkeeping of one control protocol, apart from the state machine: our outstanding
// Configure-Request and the checks of replies to it (RFC 1661 §5.1–5.4), the Max-Failure counters
// (§4.6, pppd nakloops/rnakloops) and the values agreed in each direction.
import { type CpOption, cpOptionListEquals } from '../codec/cp-options.js';
import type { ConfigurePacket } from '../codec/cp-packet.js';
import type { AnyOptionSpec, NegotiatedOption } from './option-spec.js';
import { OurRequest } from './our-request.js';
import type { DiscardReason } from './outputs.js';
import { type JudgedRequest, judgeRequest } from './request-judge.js';

const NONE: readonly unknown[] = [];

/** Type and value alternating, sized to fit. */
function flatten(records: readonly NegotiatedOption[]): readonly unknown[] {
  if (records.length === 0) return NONE;
  const flat = new Array<unknown>(records.length * 2);
  records.forEach((record, i) => {
    flat[2 * i] = record.type;
    flat[2 * i + 1] = record.value;
  });
  return flat;
}

function valueOf(flat: readonly unknown[], type: number): unknown {
  for (let i = 0; i < flat.length; i += 2) if (flat[i] === type) return flat[i + 1];
  return undefined;
}

export class Negotiation {
  private readonly ours: OurRequest;
  private last: ConfigurePacket | undefined;
  /** The Identifier of our request once settle() let it go; -1 while it is kept (or none was sent). */
  private settledIdentifier = -1;
  private replySeen = false;
  private naksSent = 0;
  private naksReceived = 0;
  /**
   * The agreed values, kept for the session's life: type and value alternating, in the order agreed,
   * in arrays sized to fit. A {type, name, value} record per option was ~13 objects per session.
   */
  private oursAgreed: readonly unknown[] = NONE;
  private peerAgreed: readonly unknown[] = NONE;

  constructor(
    private readonly options: readonly AnyOptionSpec[],
    private readonly maxFailure: number,
  ) {
    this.ours = new OurRequest(options);
  }

  /** Our values as the peer Acked them, as records (built on each call). */
  get oursAcked(): readonly NegotiatedOption[] {
    return this.records(this.oursAgreed);
  }

  /** The peer's values as we Acked them, as records (built on each call). */
  get peerAcked(): readonly NegotiatedOption[] {
    return this.records(this.peerAgreed);
  }

  ourValue(type: number): unknown {
    return valueOf(this.oursAgreed, type);
  }

  peerValue(type: number): unknown {
    return valueOf(this.peerAgreed, type);
  }

  private records(flat: readonly unknown[]): NegotiatedOption[] {
    const records: NegotiatedOption[] = [];
    for (let i = 0; i < flat.length; i += 2) {
      const type = flat[i] as number;
      const name = this.options.find((spec) => spec.type === type)?.name ?? String(type);
      records.push({ type, name, value: flat[i + 1] });
    }
    return records;
  }

  /** A fresh exchange (leaving Closed/Stopped/Opened): options and Max-Failure counts start over (pppd). */
  begin(): void {
    this.ours.reset();
    this.naksSent = 0;
    this.naksReceived = 0;
    this.oursAgreed = NONE;
    this.peerAgreed = NONE;
  }

  /** Our next Configure-Request; a retransmission repeats the last one, Identifier included. */
  request(retransmit: boolean, nextIdentifier: () => number): ConfigurePacket {
    if (!retransmit || this.last === undefined) {
      this.settledIdentifier = -1;
      this.last = { kind: 'configure', code: 1, identifier: nextIdentifier(), options: this.ours.encode() };
    }
    this.replySeen = false;
    return this.last;
  }

  /**
   * Opened: no timer runs (§4.1), so our request is never retransmitted, only replaced by a fresh one
   * (begin() first). The request and our wanted values are let go, a few hundred bytes per protocol
   * and session; its Identifier stays, so a late copy of the Ack is still a duplicate.
   */
  settle(): void {
    if (this.last !== undefined) this.settledIdentifier = this.last.identifier;
    this.last = undefined;
    this.ours.release();
  }

  /** Encoded options kept for a retransmission of our request (memory accounting, tests). */
  get heldOptions(): number {
    return this.last?.options.length ?? 0;
  }

  /** Judges the peer's request; `restarting` when it starts a new negotiation (pppd resets nakloops first). */
  judge(request: ConfigurePacket, restarting: boolean): JudgedRequest {
    if (restarting) this.naksSent = 0;
    return judgeRequest(request, this.options, this.naksSent >= this.maxFailure);
  }

  /** Bookkeeping when a Configure-Ack (sca) or -Nak/-Reject (scn) goes out. */
  replied(reply: ConfigurePacket, peerValues: readonly NegotiatedOption[]): void {
    if (reply.code === 2) {
      this.naksSent = 0;
      this.peerAgreed = flatten(peerValues);
    } else {
      if (reply.code === 3) this.naksSent++;
      this.peerAgreed = NONE;
    }
  }

  /**
   * Checks a Configure-Ack/-Nak/-Reject against our outstanding request and applies it to our next
   * one; returns why it must be discarded instead. Valid once per request (pppd seen_ack).
   */
  accept(reply: ConfigurePacket): DiscardReason | undefined {
    const sent = this.last;
    if (sent === undefined) {
      // Settled: our request was answered already (settle() comes after the Ack).
      return reply.identifier === this.settledIdentifier ? 'duplicate-reply' : 'stale-identifier';
    }
    if (reply.identifier !== sent.identifier) return 'stale-identifier';
    if (this.replySeen) return 'duplicate-reply';
    const problem = this.apply(reply, sent.options);
    if (problem === undefined) this.replySeen = true;
    return problem;
  }

  private apply(reply: ConfigurePacket, sent: readonly CpOption[]): DiscardReason | undefined {
    if (reply.code === 2) {
      if (!cpOptionListEquals(reply.options, sent)) return 'ack-mismatch'; // §5.2: exactly what we sent
      this.naksReceived = 0;
      this.oursAgreed = flatten(this.ours.acknowledge());
      return undefined;
    }
    if (reply.code === 4) {
      if (!this.ours.applyReject(reply.options, sent)) return 'reject-mismatch';
      this.naksReceived = 0;
      return undefined;
    }
    // pppd rnakloops: the Max-Failure-th Nak in a row is treated as a Reject of the Nak'd options.
    const asReject = this.naksReceived + 1 >= this.maxFailure;
    if (!this.ours.applyNak(reply.options, asReject)) return 'bad-nak';
    this.naksReceived++;
    return undefined;
  }
}
