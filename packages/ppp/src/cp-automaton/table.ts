// The RFC 1661 §4.1 state transition table, transcribed cell by cell as data: 16 events × 10 states.
// `null` is the RFC's '-' (an illegal event: no transition, logged). Footnotes [p] [r] [x] are listed
// apart because they describe implementation options, not different transitions.

/** The ten automaton states (RFC 1661 §4.2), numbered 0–9 in the table's column order. */
export const STATES = [
  'initial',
  'starting',
  'closed',
  'stopped',
  'closing',
  'stopping',
  'reqSent',
  'ackRcvd',
  'ackSent',
  'opened',
] as const;
export type State = (typeof STATES)[number];

/** The sixteen events (RFC 1661 §4.3) in the table's row order. */
export const EVENTS = [
  'up',
  'down',
  'open',
  'close',
  'to+',
  'to-',
  'rcr+',
  'rcr-',
  'rca',
  'rcn',
  'rtr',
  'rta',
  'ruc',
  'rxj+',
  'rxj-',
  'rxr',
] as const;
export type Event = (typeof EVENTS)[number];

/** The actions (RFC 1661 §4.4). */
export type Action =
  'tlu' | 'tld' | 'tls' | 'tlf' | 'irc' | 'zrc' | 'scr' | 'sca' | 'scn' | 'str' | 'sta' | 'scj' | 'ser';

/** `[next, ...actions]` in the RFC's action order, or null for '-'. */
export type Cell = readonly [next: State, ...actions: Action[]] | null;

/** RFC 1661 §4.1, row by row. The object type makes tsc insist on all 160 cells. */
export const TABLE: Readonly<Record<Event, Readonly<Record<State, Cell>>>> = {
  up: {
    initial: ['closed'],
    starting: ['reqSent', 'irc', 'scr'],
    closed: null,
    stopped: null,
    closing: null,
    stopping: null,
    reqSent: null,
    ackRcvd: null,
    ackSent: null,
    opened: null,
  },
  down: {
    initial: null,
    starting: null,
    closed: ['initial'],
    stopped: ['starting', 'tls'],
    closing: ['initial'],
    stopping: ['starting'],
    reqSent: ['starting'],
    ackRcvd: ['starting'],
    ackSent: ['starting'],
    opened: ['starting', 'tld'],
  },
  open: {
    initial: ['starting', 'tls'],
    starting: ['starting'],
    closed: ['reqSent', 'irc', 'scr'],
    stopped: ['stopped'],
    closing: ['stopping'],
    stopping: ['stopping'],
    reqSent: ['reqSent'],
    ackRcvd: ['ackRcvd'],
    ackSent: ['ackSent'],
    opened: ['opened'],
  },
  close: {
    initial: ['initial'],
    starting: ['initial', 'tlf'],
    closed: ['closed'],
    stopped: ['closed'],
    closing: ['closing'],
    stopping: ['closing'],
    reqSent: ['closing', 'irc', 'str'],
    ackRcvd: ['closing', 'irc', 'str'],
    ackSent: ['closing', 'irc', 'str'],
    opened: ['closing', 'tld', 'irc', 'str'],
  },
  'to+': {
    initial: null,
    starting: null,
    closed: null,
    stopped: null,
    closing: ['closing', 'str'],
    stopping: ['stopping', 'str'],
    reqSent: ['reqSent', 'scr'],
    ackRcvd: ['reqSent', 'scr'],
    ackSent: ['ackSent', 'scr'],
    opened: null,
  },
  'to-': {
    initial: null,
    starting: null,
    closed: null,
    stopped: null,
    closing: ['closed', 'tlf'],
    stopping: ['stopped', 'tlf'],
    reqSent: ['stopped', 'tlf'],
    ackRcvd: ['stopped', 'tlf'],
    ackSent: ['stopped', 'tlf'],
    opened: null,
  },
  'rcr+': {
    initial: null,
    starting: null,
    closed: ['closed', 'sta'],
    stopped: ['ackSent', 'irc', 'scr', 'sca'],
    closing: ['closing'],
    stopping: ['stopping'],
    reqSent: ['ackSent', 'sca'],
    ackRcvd: ['opened', 'sca', 'tlu'],
    ackSent: ['ackSent', 'sca'],
    opened: ['ackSent', 'tld', 'scr', 'sca'],
  },
  'rcr-': {
    initial: null,
    starting: null,
    closed: ['closed', 'sta'],
    stopped: ['reqSent', 'irc', 'scr', 'scn'],
    closing: ['closing'],
    stopping: ['stopping'],
    reqSent: ['reqSent', 'scn'],
    ackRcvd: ['ackRcvd', 'scn'],
    ackSent: ['reqSent', 'scn'],
    opened: ['reqSent', 'tld', 'scr', 'scn'],
  },
  rca: {
    initial: null,
    starting: null,
    closed: ['closed', 'sta'],
    stopped: ['stopped', 'sta'],
    closing: ['closing'],
    stopping: ['stopping'],
    reqSent: ['ackRcvd', 'irc'],
    ackRcvd: ['reqSent', 'scr'],
    ackSent: ['opened', 'irc', 'tlu'],
    opened: ['reqSent', 'tld', 'scr'],
  },
  rcn: {
    initial: null,
    starting: null,
    closed: ['closed', 'sta'],
    stopped: ['stopped', 'sta'],
    closing: ['closing'],
    stopping: ['stopping'],
    reqSent: ['reqSent', 'irc', 'scr'],
    ackRcvd: ['reqSent', 'scr'],
    ackSent: ['ackSent', 'irc', 'scr'],
    opened: ['reqSent', 'tld', 'scr'],
  },
  rtr: {
    initial: null,
    starting: null,
    closed: ['closed', 'sta'],
    stopped: ['stopped', 'sta'],
    closing: ['closing', 'sta'],
    stopping: ['stopping', 'sta'],
    reqSent: ['reqSent', 'sta'],
    ackRcvd: ['reqSent', 'sta'],
    ackSent: ['reqSent', 'sta'],
    opened: ['stopping', 'tld', 'zrc', 'sta'],
  },
  rta: {
    initial: null,
    starting: null,
    closed: ['closed'],
    stopped: ['stopped'],
    closing: ['closed', 'tlf'],
    stopping: ['stopped', 'tlf'],
    reqSent: ['reqSent'],
    ackRcvd: ['reqSent'],
    ackSent: ['ackSent'],
    opened: ['reqSent', 'tld', 'scr'],
  },
  ruc: {
    initial: null,
    starting: null,
    closed: ['closed', 'scj'],
    stopped: ['stopped', 'scj'],
    closing: ['closing', 'scj'],
    stopping: ['stopping', 'scj'],
    reqSent: ['reqSent', 'scj'],
    ackRcvd: ['ackRcvd', 'scj'],
    ackSent: ['ackSent', 'scj'],
    opened: ['opened', 'scj'],
  },
  'rxj+': {
    initial: null,
    starting: null,
    closed: ['closed'],
    stopped: ['stopped'],
    closing: ['closing'],
    stopping: ['stopping'],
    reqSent: ['reqSent'],
    ackRcvd: ['reqSent'],
    ackSent: ['ackSent'],
    opened: ['opened'],
  },
  'rxj-': {
    initial: null,
    starting: null,
    closed: ['closed', 'tlf'],
    stopped: ['stopped', 'tlf'],
    closing: ['closed', 'tlf'],
    stopping: ['stopped', 'tlf'],
    reqSent: ['stopped', 'tlf'],
    ackRcvd: ['stopped', 'tlf'],
    ackSent: ['stopped', 'tlf'],
    opened: ['stopping', 'tld', 'irc', 'str'],
  },
  rxr: {
    initial: null,
    starting: null,
    closed: ['closed'],
    stopped: ['stopped'],
    closing: ['closing'],
    stopping: ['stopping'],
    reqSent: ['reqSent'],
    ackRcvd: ['ackRcvd'],
    ackSent: ['ackSent'],
    opened: ['opened', 'ser'],
  },
};

/** Footnotes of RFC 1661 §4.1, as [event, state] cells. */
export const FOOTNOTES: Readonly<Record<'p' | 'r' | 'x', readonly (readonly [Event, State])[]>> = {
  /** [p] Passive option: after Configure timeouts, wait for the peer instead of tlf (§4.2 Stopped). */
  p: [
    ['to-', 'reqSent'],
    ['to-', 'ackRcvd'],
    ['to-', 'ackSent'],
  ],
  /** [r] Restart option: an Open here may be followed by Down then Up to renegotiate (§4.3 Open). */
  r: [
    ['open', 'stopped'],
    ['open', 'closing'],
    ['open', 'stopping'],
    ['open', 'opened'],
  ],
  /** [x] Crossed connection: a valid Ack arrived when none was expected (§4.3 RCA); worth logging. */
  x: [
    ['rca', 'ackRcvd'],
    ['rca', 'opened'],
    ['rcn', 'ackRcvd'],
    ['rcn', 'opened'],
  ],
};

/** States in which the Restart timer runs: those with TO events (§4.1, paragraph after the table). */
export const TIMER_STATES: ReadonlySet<State> = new Set(
  STATES.filter((state) => TABLE['to+'][state] !== null || TABLE['to-'][state] !== null),
);

/** Where a Configure-Request is outstanding: replies to it are checked against it (§5.2–5.4). */
export const NEGOTIATING_STATES: ReadonlySet<State> = new Set<State>(['reqSent', 'ackRcvd', 'ackSent']);

/** Where the Restart counter counts Terminate-Requests; everywhere else irc loads Max-Configure (§4.4 irc). */
export const TERMINATING_STATES: ReadonlySet<State> = new Set<State>(['closing', 'stopping']);

export const hasFootnote = (note: 'p' | 'r' | 'x', event: Event, state: State): boolean =>
  FOOTNOTES[note].some(([e, s]) => e === event && s === state);
