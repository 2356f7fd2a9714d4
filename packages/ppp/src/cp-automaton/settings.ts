// The automaton's counters and timer (RFC 1661 §4.6) with the RFC defaults, plus the implementation
// options of §4.1's footnotes. All are configurable per protocol, as §4.6 requires ("MUST be configurable").

export interface CpSettings {
  /** Restart timer (§4.6): "SHOULD default to three (3) seconds". */
  readonly restartIntervalMs: number;
  /** Configure-Requests sent without a valid reply before giving up (§4.6 Max-Configure, default 10). */
  readonly maxConfigure: number;
  /** Terminate-Requests sent without a Terminate-Ack (§4.6 Max-Terminate, default 2). */
  readonly maxTerminate: number;
  /**
   * Configure-Naks before Naks become Rejects (§4.6 Max-Failure). 5 as RFC 1661 and pppd's
   * DEFMAXNAKLOOPS; pppd counts Naks received the same way (rnakloops), and so do we.
   */
  readonly maxFailure: number;
  /** [p] Passive option: no tlf when Configure-Requests time out (§4.2 Stopped). pppd's `passive`. */
  readonly passive: boolean;
  /**
   * pppd `silent` (fsm.c OPT_SILENT): on Up, or Open while Closed, wait in Stopped for the peer's
   * Configure-Request instead of sending ours; the peer's request then starts the negotiation as the
   * table's Stopped row says (RFC 1661 §4.2: Stopped is also the state "waiting for a peer").
   */
  readonly silent: boolean;
  /** [r] Restart option: an Open in Stopped/Closing/Stopping/Opened is followed by Down, Up (§4.3 Open). */
  readonly restartOnOpen: boolean;
  /** The peer's MRU: Code-Reject copies are truncated to fit it (RFC 1661 §5.6). */
  readonly peerMruBytes: number;
}

export const CP_DEFAULTS: CpSettings = {
  restartIntervalMs: 3000,
  maxConfigure: 10,
  maxTerminate: 2,
  maxFailure: 5,
  passive: false,
  silent: false,
  restartOnOpen: false,
  peerMruBytes: 1500,
};

/** Resolved settings by their overrides: every session of a protocol asks for the same few. */
const resolvedCache = new Map<string, CpSettings>();
/** Plenty for the handful of configurations an appliance has; a bound in case a caller varies them. */
const CACHE_LIMIT = 64;

/**
 * Fills in defaults; impossible values are a configuration bug and throw. The result is frozen and
 * shared by the automatons given equal overrides (three per session otherwise).
 */
export function resolveCpSettings(overrides: Partial<CpSettings> = {}): CpSettings {
  const o = overrides;
  const key = `${o.restartIntervalMs},${o.maxConfigure},${o.maxTerminate},${o.maxFailure},${o.passive},${o.silent},${o.restartOnOpen},${o.peerMruBytes}`;
  const cached = resolvedCache.get(key);
  if (cached !== undefined) return cached;
  const settings = Object.freeze(checked({ ...CP_DEFAULTS, ...definedOnly(overrides) }));
  if (resolvedCache.size >= CACHE_LIMIT) resolvedCache.clear();
  resolvedCache.set(key, settings);
  return settings;
}

function checked(settings: CpSettings): CpSettings {
  const positive = ['restartIntervalMs', 'maxConfigure', 'maxTerminate', 'maxFailure'] as const;
  for (const key of positive) {
    const value = settings[key];
    if (!Number.isInteger(value) || value < 1)
      throw new Error(`CpSettings.${key} must be an integer ≥ 1, got ${value}`);
  }
  if (!Number.isInteger(settings.peerMruBytes) || settings.peerMruBytes < 8) {
    throw new Error(`CpSettings.peerMruBytes must be an integer ≥ 8, got ${settings.peerMruBytes}`);
  }
  return settings;
}

function definedOnly(overrides: Partial<CpSettings>): Partial<CpSettings> {
  return Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));
}
