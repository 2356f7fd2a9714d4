// A PppContext without the session driver: a real PppLink already in the Network phase, a ManualClock,
// captured logs, and records of everything sent, delivered and closed, so the MPPE plugin can be tested
// alone. send() applies the installed DataTransform the way the driver does.
import { SessionRegistry, type CloseReason, type MppeKeyMaterial, type Session } from '@switchyard/core';
import { LogCapture, ManualClock } from '@switchyard/core/testing';
import {
  PppLink,
  PppProtocol,
  type DataTransform,
  type PppContext,
  type PppFacts,
  type PppFraming,
  type PppRole,
  type ProtocolEvents,
} from '@switchyard/ppp';

export interface FakePppContextOptions {
  readonly role?: PppRole;
  /** Share one clock between the two ends of a test. */
  readonly clock?: ManualClock;
  /** The authentication's MPPE key material; omit for an authentication without keys (PAP, CHAP-MD5). */
  readonly keys?: MppeKeyMaterial;
  /** The LCP Authentication-Protocol agreed: CHAP (0xc223) + algorithm; default MS-CHAPv2 (0x81). */
  readonly lcpAuth?: { readonly protocol: number; readonly data: Uint8Array } | null;
  readonly framing?: PppFraming;
  readonly peer?: string;
}

/** What the fake's ProtocolEvents saw, in order. */
export type RecordedEvent = 'up' | 'down' | { readonly finished: CloseReason | undefined };

export class FakePppContext implements PppContext {
  readonly session: Session;
  readonly role: PppRole;
  readonly clock: ManualClock;
  readonly logs = new LogCapture();
  readonly logger = this.logs.logger('debug');
  readonly link: PppLink;
  readonly facts: PppFacts;
  /** Frames as put on the wire: after the transform and the link's framing. */
  readonly wire: Uint8Array[] = [];
  /** Frames handed back through deliver() (decrypted MPPE payloads). */
  readonly delivered: Uint8Array[] = [];
  /** IP and IPv6 packets that reached the demultiplexer's data handlers. */
  readonly received: { readonly protocol: number; readonly payload: Uint8Array }[] = [];
  /** LCP packets that arrived (e.g. Protocol-Rejects of garbage a desynchronised decryptor let through). */
  readonly lcp: Uint8Array[] = [];
  /** Every setDataTransform call. */
  readonly transforms: (DataTransform | undefined)[] = [];
  /** Every close() call; the first one is the one that counts. */
  readonly closes: CloseReason[] = [];
  /** Covered frames protect() refused: the driver drops and counts them. */
  droppedByTransform = 0;
  /** Where sent frames go next (the other end's receiveFrame), besides `wire`. */
  onFrame: ((frame: Uint8Array) => void) | undefined;
  private lcpIdentifier = 0;

  constructor(options: FakePppContextOptions = {}) {
    this.role = options.role ?? 'server';
    this.clock = options.clock ?? new ManualClock();
    const registry = new SessionRegistry(this.clock, this.logger);
    this.session = registry.create('pptp', options.peer ?? '192.0.2.10');
    this.link = new PppLink({ nextIdentifier: () => (this.lcpIdentifier = (this.lcpIdentifier + 1) & 0xff) });
    if (options.framing) this.link.framing = options.framing;
    for (const event of ['lowerUp', 'lcpUp', 'authenticated'] as const) this.link.signal(event);
    const lcpAuth =
      options.lcpAuth === null
        ? undefined
        : (options.lcpAuth ?? { protocol: 0xc223, data: new Uint8Array([0x81]) });
    this.facts = {
      localName: 'pptpd',
      lcp: { peerMruBytes: 1500, localMruBytes: 1500, ...(lcpAuth ? { auth: lcpAuth } : {}) },
      auth: { ok: true, user: 'vpn1', ...(options.keys ? { keys: options.keys } : {}) },
    };
    // A sink for LCP, which the driver would own: without it, two fakes would Protocol-Reject each other's
    // Protocol-Rejects for ever.
    this.link.register({
      protocol: PppProtocol.LCP,
      name: 'LCP',
      phase: 'establish',
      receive: (payload) => this.lcp.push(payload),
    });
    for (const protocol of [PppProtocol.IP, PppProtocol.IPV6]) {
      this.link.register({
        protocol,
        name: protocol === PppProtocol.IP ? 'IP' : 'IPV6',
        phase: 'network',
        // Lent for the call only (data-path.ts ownership rule): a consumer that keeps it copies it.
        receive: (payload) => this.received.push({ protocol, payload: payload.slice() }),
      });
    }
  }

  get transform(): DataTransform | undefined {
    return this.transforms[this.transforms.length - 1];
  }

  /** The first close reason, if any. */
  get closedWith(): CloseReason | undefined {
    return this.closes[0];
  }

  send(protocol: number, payload: Uint8Array): void {
    let out = { protocol, payload };
    const transform = this.transform;
    if (transform?.covers(protocol)) {
      const protectedFrame = transform.protect(protocol, payload);
      if (protectedFrame === undefined) {
        this.droppedByTransform++;
        return;
      }
      out = protectedFrame;
    }
    const frame = this.link.frame(out.protocol, out.payload);
    this.wire.push(frame);
    this.onFrame?.(frame);
  }

  deliver(frame: Uint8Array): void {
    this.delivered.push(frame.slice()); // lent for the call only (data-path.ts ownership rule)
    this.receiveFrame(frame);
  }

  /** A frame from the wire, through the demultiplexer; Protocol-Rejects go back out. */
  receiveFrame(bytes: Uint8Array): void {
    const receipt = this.link.receiveBytes(bytes);
    if (receipt.kind === 'protocolReject') {
      this.wire.push(receipt.frame);
      this.onFrame?.(receipt.frame);
    }
  }

  setDataTransform(transform: DataTransform | undefined): void {
    this.transforms.push(transform);
  }

  close(reason: CloseReason): void {
    this.closes.push(reason);
  }

  /** ProtocolEvents that record what they are told. */
  recordEvents(): ProtocolEvents & { readonly seen: RecordedEvent[] } {
    const seen: RecordedEvent[] = [];
    return {
      seen,
      up: () => seen.push('up'),
      down: () => seen.push('down'),
      finished: (reason) => seen.push({ finished: reason }),
    };
  }
}
