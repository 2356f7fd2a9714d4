// One session's ip-up/ip-down order, as pppd keeps it (ipcp.c ipcp_up, ipcp_down, ipcp_script_done):
// ip-up runs when IP comes up and no script of the session is running; ip-down runs when IP goes down
// after an ip-up, never while that ip-up still runs; when a script ends, the one the IP layer's
// current state calls for runs next. Pure: the plugin starts what each call returns.

export type SequencedScript = 'ip-up' | 'ip-down';

export class ScriptSequence {
  /** pppd's ipcp_script_state: which of the two ran (or runs) last. */
  private state: 'down' | 'up' = 'down';
  /** pppd's ipcp_script_pid != 0: a script of this session is queued or running. */
  private busy = false;
  /** IPCP Opened with its route open, as far as the hooks were told. */
  private ipOpen = false;

  /** The IP layer is up. Returns the script to start, if any. */
  up(): SequencedScript | undefined {
    this.ipOpen = true;
    return this.state === 'down' && !this.busy ? this.begin('up') : undefined;
  }

  /** The IP layer went down. */
  down(): SequencedScript | undefined {
    this.ipOpen = false;
    return this.state === 'up' && !this.busy ? this.begin('down') : undefined;
  }

  /** The script started last has ended (however it ended). */
  finished(): SequencedScript | undefined {
    this.busy = false;
    if (this.state === 'up' && !this.ipOpen) return this.begin('down');
    if (this.state === 'down' && this.ipOpen) return this.begin('up');
    return undefined;
  }

  /** Whether the IP layer is up, as last told. */
  get open(): boolean {
    return this.ipOpen;
  }

  /** Nothing runs, nothing is owed: the session's record can go. */
  get settled(): boolean {
    return this.state === 'down' && !this.busy && !this.ipOpen;
  }

  private begin(state: 'up' | 'down'): SequencedScript {
    this.state = state;
    this.busy = true;
    return state === 'up' ? 'ip-up' : 'ip-down';
  }
}
