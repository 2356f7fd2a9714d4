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

interface Entry {
  readonly name: string;
  readonly ncp: NetworkControl;
  started: boolean;
  up: boolean;
  everUp: boolean;
  finished: boolean;
}

export class NetworkPhase {
  private entries: Entry[] = [];
  private generation = 0;
  private gatesOpen = false;
  private anyUp = false;

  constructor(private readonly host: NetworkPhaseHost) {}

  /** The NCPs of this Network phase, by name, with their state (for tests and management). */
  get running(): readonly { readonly name: string; readonly up: boolean; readonly gatesOthers: boolean }[] {
    return this.entries.map((e) => ({ name: e.name, up: e.up, gatesOthers: e.ncp.gatesOthers }));
  }

  start(): void {
    this.stop();
    const generation = ++this.generation;
    const { context, factories } = this.host;
    for (const factory of factories) {
      const entry: { ncp?: NetworkControl } & Omit<Entry, 'ncp'> = {
        name: factory.name,
        started: false,
        up: false,
        everUp: false,
        finished: false,
      };
      const ncp = factory.create(context, this.eventsFor(entry as Entry, generation));
      if (ncp === undefined) continue; // e.g. nomppe: this NCP takes no part
      entry.ncp = ncp;
      this.entries.push(entry as Entry);
    }
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

  private eventsFor(entry: Entry, generation: number): ProtocolEvents {
    const live = () => generation === this.generation;
    return {
      up: () => {
        if (!live()) return;
        entry.up = entry.everUp = true;
        this.host.up(entry.name);
        if (entry.ncp.gatesOthers) {
          const gating = this.entries.filter((e) => e.ncp.gatesOthers);
          if (gating.every((e) => e.up)) this.openGates(generation);
        } else if (!this.anyUp) {
          this.anyUp = true;
          this.host.firstUp();
        }
      },
      down: () => {
        if (!live() || !entry.up) return;
        entry.up = false;
        this.host.down(entry.name);
      },
      finished: (reason) => {
        if (!live() || entry.finished) return;
        entry.finished = true;
        entry.up = false;
        if (entry.ncp.gatesOthers) {
          const how = entry.everUp ? 'went down' : 'finished without opening';
          this.host.failed(reason ?? closeReason('mppe-refused', `${entry.name} ${how}`));
        } else if (this.others().every((e) => e.finished)) {
          this.host.failed(reason ?? closeReason('negotiation-failed', 'No network protocols running'));
        }
      },
    };
  }
}
