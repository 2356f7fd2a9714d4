// The NetworkControlFactory the PPP session driver calls once per session: a CcpControl, or nothing with
// `noccp` (the driver then Protocol-Rejects CCP, as pppd does). Keeps appliance-wide MPPE counters.
import { createPureMppeKeySchedule, type MppeKeyScheduleFactory } from '@switchyard/crypto';
import type { NetworkControlFactory, PppContext, ProtocolEvents } from '@switchyard/ppp';
import { CcpControl, type CcpControlOptions } from './ccp-control.js';
import { addMppeCounters, newMppeCounters, type MppeCounters } from './counters.js';
import type { MppeSettings } from './policy.js';

export class MppeControlFactory implements NetworkControlFactory {
  readonly name = 'CCP';
  private readonly closed = newMppeCounters();
  private readonly live = new Set<CcpControl>();
  /** One options object for every session's control (it was one, and a closure, per session). */
  private readonly shared: CcpControlOptions;

  constructor(
    readonly settings: MppeSettings,
    private readonly cp: CcpControlOptions['cp'] = {},
    /** Every session's key schedules: the pure reference unless the caller injects another (the plugin: native). */
    readonly createKeySchedule: MppeKeyScheduleFactory = createPureMppeKeySchedule,
  ) {
    this.shared = {
      settings,
      cp,
      createKeySchedule,
      onDispose: (done) => {
        addMppeCounters(this.closed, done.counters);
        this.live.delete(done);
      },
    };
  }

  create(context: PppContext, events: ProtocolEvents): CcpControl | undefined {
    if (!this.settings.ccp) return undefined;
    const control = new CcpControl(context, events, this.shared);
    this.live.add(control);
    return control;
  }

  /** Sessions whose CCP has not been disposed yet. */
  get sessions(): number {
    return this.live.size;
  }

  /** Counters summed over every session so far, live ones included. */
  counters(): MppeCounters {
    const total = newMppeCounters();
    addMppeCounters(total, this.closed);
    for (const control of this.live) addMppeCounters(total, control.counters);
    return total;
  }
}
