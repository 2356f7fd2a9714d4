// The Network phase (RFC 1661 §3.6): one NCP per NetworkControlFactory. Gating NCPs (CCP while MPPE is
// required) start first and the others wait, Up but not Open, until every gating one is up, as pppd
// starts IPCP only after CCP (anchors §5.3). A gating NCP that finishes ends the session; when the last
// other NCP finishes, pppd's "No network protocols running" does.
import { closeReason, type CloseReason } from '@switchyard/core';
import type {
  NetworkControl,
  NetworkControlFactory,
  PppSessionContext,
  ProtocolEvents,
} from '@switchyard/ppp';

export interface NetworkPhaseHost {
  readonly context: PppSessionContext;
  readonly factories: readonly NetworkControlFactory[];
  /** The first non-gating NCP opened (pppd np_up: idle and maxconnect start). */
  firstUp(): void;
  up(name: string): void;
  down(name: string): void;
  failed(reason: CloseReason): void;
}

/**
 * One NCP of one Network phase and the events it reports: a class, so a session's NCPs carry one
 * object each instead of an entry, an events object, four closures and their context.
 */
class Entry implements ProtocolEvents {
  ncp!: NetworkControl;
  started = false;
  isUp = false;
  everUp = false;
  isFinished = false;

  constructor(
    readonly name: string,
    private readonly phase: NetworkPhase,
    readonly generation: number,
  ) {}

  up(): void {
    this.phase.entryUp(this);
  }

  down(): void {
    this.phase.entryDown(this);
  }

  finished(reason?: CloseReason): void {
    this.phase.entryFinished(this, reason);
  }
}

export class NetworkPhase {
  private entries: Entry[] = [];
  private generation = 0;
  private gatesOpen = false;
  private anyUp = false;

  constructor(private readonly host: NetworkPhaseHost) {}

  /** The NCPs of this Network phase, by name, with their state (for tests and management). */
  get running(): readonly { readonly name: string; readonly up: boolean; readonly gatesOthers: boolean }[] {
    return this.entries.map((e) => ({ name: e.name, up: e.isUp, gatesOthers: e.ncp.gatesOthers }));
  }

  start(): void {
    this.stop();
    const generation = ++this.generation;
    const { context, factories } = this.host;
    const entries = factories.map((factory) => new Entry(factory.name, this, generation));
    entries.forEach((entry, i) => {
      const ncp = factories[i]!.create(context, entry);
      if (ncp !== undefined) entry.ncp = ncp; // undefined e.g. with nomppe: this NCP takes no part
    });
    // filter() sizes the array to fit; pushing into [] would reserve 17 slots for a session's two NCPs.
    this.entries = entries.filter((entry) => entry.ncp !== undefined);
    if (this.entries.length === 0) {
      this.host.failed(closeReason('negotiation-failed', 'No network protocols running'));
      return;
    }
    const gating = this.entries.filter((e) => e.ncp.gatesOthers);
    // From now on covered data never crosses in clear, whether or not the gate ever opens.
    if (gating.length > 0) context.requireEncryption();
    for (const entry of gating) this.startEntry(entry, generation);
    if (generation !== this.generation) return;
    if (gating.length === 0) this.openGates(generation);
    else for (const entry of this.others()) entry.ncp.lowerUp?.();
  }

  /** Down and dispose every NCP; late events from them are ignored. */
  stop(): void {
    this.generation++;
    const entries = this.entries;
    this.entries = [];
    this.gatesOpen = false;
    this.anyUp = false;
    for (const entry of entries) {
      entry.ncp.stop();
      entry.ncp.dispose();
    }
    if (entries.length > 0) this.host.context.setDataTransform(undefined);
  }

  /** Events of an NCP from an earlier Network phase are ignored. */
  private live(entry: Entry): boolean {
    return entry.generation === this.generation;
  }

  entryUp(entry: Entry): void {
    if (!this.live(entry)) return;
    entry.isUp = entry.everUp = true;
    this.host.up(entry.name);
    if (entry.ncp.gatesOthers) {
      const gating = this.entries.filter((e) => e.ncp.gatesOthers);
      if (gating.every((e) => e.isUp)) this.openGates(entry.generation);
    } else if (!this.anyUp) {
      this.anyUp = true;
      this.host.firstUp();
    }
  }

  entryDown(entry: Entry): void {
    if (!this.live(entry) || !entry.isUp) return;
    entry.isUp = false;
    this.host.down(entry.name);
  }

  entryFinished(entry: Entry, reason: CloseReason | undefined): void {
    if (!this.live(entry) || entry.isFinished) return;
    entry.isFinished = true;
    entry.isUp = false;
    if (entry.ncp.gatesOthers) {
      const how = entry.everUp ? 'went down' : 'finished without opening';
      this.host.failed(reason ?? closeReason('mppe-refused', `${entry.name} ${how}`));
    } else if (this.others().every((e) => e.isFinished)) {
      this.host.failed(reason ?? closeReason('negotiation-failed', 'No network protocols running'));
    }
  }

  private others(): Entry[] {
    return this.entries.filter((e) => !e.ncp.gatesOthers);
  }

  private startEntry(entry: Entry, generation: number): void {
    if (entry.started || generation !== this.generation) return;
    entry.started = true;
    entry.ncp.start();
  }

  private openGates(generation: number): void {
    if (this.gatesOpen) return;
    this.gatesOpen = true;
    for (const entry of this.others()) this.startEntry(entry, generation);
  }
}
