// The link phases of RFC 1661 §3.2 (Dead → Establish → Authenticate → Network → Terminate) as a
// transition table, and which protocols each phase lets through (§3.3–3.7, pppd main.c get_input).

export const LINK_PHASES = ['dead', 'establish', 'authenticate', 'network', 'terminate'] as const;
export type LinkPhase = (typeof LINK_PHASES)[number];

/**
 * The phase a protocol belongs to, declared by its handler: LCP (and LQR) 'establish'; PAP, CHAP and
 * EAP 'authenticate'; NCPs (IPCP, CCP, IPV6CP) and data protocols (IP, MPPE 0x00fd) 'network'.
 */
export type ProtocolPhase = 'establish' | 'authenticate' | 'network';

/** What moves the link between phases; the owner raises these from LCP's layer signals and auth results. */
export type LinkEvent =
  /** The tunnel carries frames (PPTP call connected): Dead → Establish (§3.3). */
  | 'lowerUp'
  /** LCP tlu: Establish → Authenticate (§3.4). With no authentication the owner follows with 'authenticated'. */
  | 'lcpUp'
  /** Authentication succeeded or none was negotiated: Authenticate → Network (§3.5 SUCCESS/NONE). */
  | 'authenticated'
  /**
   * LCP tld without a Close, e.g. the peer's Configure-Request renegotiates: back to Establish
   * (§3.4 "causes a return to the Link Establishment phase"; pppd link_down).
   */
  | 'lcpDown'
  /** Administrative close or authentication failure: LCP starts terminating (§3.5 FAIL, §3.7). */
  | 'close'
  /** LCP tlf: the lower layer is no longer needed (§3.2 FAIL/DOWN arrows). */
  | 'lcpFinished'
  /** The tunnel went away. */
  | 'lowerDown';

const DOWN: Partial<Record<LinkPhase, LinkPhase>> = {
  establish: 'dead',
  authenticate: 'dead',
  network: 'dead',
  terminate: 'dead',
};

/** Phase transitions by event; a phase missing from a row means the event changes nothing there. */
export const PHASE_TABLE: Readonly<Record<LinkEvent, Partial<Record<LinkPhase, LinkPhase>>>> = {
  lowerUp: { dead: 'establish' },
  lcpUp: { establish: 'authenticate' },
  authenticated: { authenticate: 'network' },
  lcpDown: { authenticate: 'establish', network: 'establish' },
  close: { establish: 'terminate', authenticate: 'terminate', network: 'terminate' },
  lcpFinished: DOWN,
  lowerDown: DOWN,
};

/**
 * Which protocol phases each link phase accepts. Establish and Terminate: LCP only ("Any non-LCP packets
 * received during this phase MUST be silently discarded", §3.4, §3.7). Authenticate: LCP and
 * authentication (§3.5). Network: everything; authentication stays open for CHAP rechallenges.
 */
export const PHASE_ACCEPTS: Readonly<Record<LinkPhase, readonly ProtocolPhase[]>> = {
  dead: [],
  establish: ['establish'],
  authenticate: ['establish', 'authenticate'],
  network: ['establish', 'authenticate', 'network'],
  terminate: ['establish'],
};

/** The phase after `event`, or undefined when the event changes nothing in `phase`. */
export function nextPhase(phase: LinkPhase, event: LinkEvent): LinkPhase | undefined {
  return PHASE_TABLE[event][phase];
}
