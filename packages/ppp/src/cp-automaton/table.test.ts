import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type Action,
  type Cell,
  type Event,
  type State,
  EVENTS,
  FOOTNOTES,
  STATES,
  TABLE,
  TIMER_STATES,
} from './table.js';

// RFC 1661 §4.1, copied verbatim from shared/rfc/rfc1661.txt (page 12 and page 13), then parsed: the
// table in table.ts was typed by hand, so this is an independent check of every cell and footnote.
const RFC_LEFT = `
Events| Initial   Starting  Closed    Stopped   Closing   Stopping
------+-----------------------------------------------------------
 Up   |    2     irc,scr/6     -         -         -         -
 Down |    -         -         0       tls/1       0         1
 Open |  tls/1       1     irc,scr/6     3r        5r        5r
 Close|    0       tlf/0       2         2         4         4
      |
  TO+ |    -         -         -         -       str/4     str/5
  TO- |    -         -         -         -       tlf/2     tlf/3
      |
 RCR+ |    -         -       sta/2 irc,scr,sca/8   4         5
 RCR- |    -         -       sta/2 irc,scr,scn/6   4         5
 RCA  |    -         -       sta/2     sta/3       4         5
 RCN  |    -         -       sta/2     sta/3       4         5
      |
 RTR  |    -         -       sta/2     sta/3     sta/4     sta/5
 RTA  |    -         -         2         3       tlf/2     tlf/3
      |
 RUC  |    -         -       scj/2     scj/3     scj/4     scj/5
 RXJ+ |    -         -         2         3         4         5
 RXJ- |    -         -       tlf/2     tlf/3     tlf/2     tlf/3
      |
 RXR  |    -         -         2         3         4         5
`;
const RFC_RIGHT = `
Events| Req-Sent  Ack-Rcvd  Ack-Sent    Opened
------+-----------------------------------------
 Up   |    -         -         -           -
 Down |    1         1         1         tld/1
 Open |    6         7         8           9r
 Close|irc,str/4 irc,str/4 irc,str/4 tld,irc,str/4
      |
  TO+ |  scr/6     scr/6     scr/8         -
  TO- |  tlf/3p    tlf/3p    tlf/3p        -
      |
 RCR+ |  sca/8   sca,tlu/9   sca/8   tld,scr,sca/8
 RCR- |  scn/6     scn/7     scn/6   tld,scr,scn/6
 RCA  |  irc/7     scr/6x  irc,tlu/9   tld,scr/6x
 RCN  |irc,scr/6   scr/6x  irc,scr/8   tld,scr/6x
      |
 RTR  |  sta/6     sta/6     sta/6   tld,zrc,sta/5
 RTA  |    6         6         8       tld,scr/6
      |
 RUC  |  scj/6     scj/7     scj/8       scj/9
 RXJ+ |    6         6         8           9
 RXJ- |  tlf/3     tlf/3     tlf/3   tld,irc,str/5
      |
 RXR  |    6         7         8         ser/9
`;

const EVENT_NAMES: Record<string, Event> = {
  Up: 'up',
  Down: 'down',
  Open: 'open',
  Close: 'close',
  'TO+': 'to+',
  'TO-': 'to-',
  'RCR+': 'rcr+',
  'RCR-': 'rcr-',
  RCA: 'rca',
  RCN: 'rcn',
  RTR: 'rtr',
  RTA: 'rta',
  RUC: 'ruc',
  'RXJ+': 'rxj+',
  'RXJ-': 'rxj-',
  RXR: 'rxr',
};

interface RfcCell {
  readonly cell: Cell;
  readonly footnote?: string;
}

/** Parses "irc,scr/6", "3r", "tlf/3p" or "-" (RFC 1661 §4.1: "action/new-state", footnote letter after). */
function parseCell(text: string): RfcCell {
  if (text === '-') return { cell: null };
  const match = /^(?:([a-z,]+)\/)?(\d)([prx]?)$/.exec(text);
  assert.ok(match, `unparsable cell ${text}`);
  const actions = match[1] ? (match[1].split(',') as Action[]) : [];
  const next = STATES[Number(match[2])];
  assert.ok(next);
  return { cell: [next, ...actions], ...(match[3] ? { footnote: match[3] } : {}) };
}

function parseRfc(): Map<string, RfcCell> {
  const cells = new Map<string, RfcCell>();
  for (const [text, firstState] of [
    [RFC_LEFT, 0],
    [RFC_RIGHT, 6],
  ] as const) {
    for (const line of text.split('\n')) {
      const [label, rest] = line.split('|');
      const event = EVENT_NAMES[(label ?? '').trim()];
      if (event === undefined || rest === undefined) continue;
      rest
        .trim()
        .split(/\s+/)
        .forEach((token, i) => cells.set(`${event} ${STATES[firstState + i]}`, parseCell(token)));
    }
  }
  return cells;
}

const RFC = parseRfc();

test('the RFC text yields all 160 cells (RFC 1661 §4.1)', () => {
  assert.equal(RFC.size, EVENTS.length * STATES.length);
});

for (const event of EVENTS) {
  test(`row ${event} of TABLE matches RFC 1661 §4.1 cell by cell`, () => {
    for (const state of STATES) {
      assert.deepEqual(TABLE[event][state], RFC.get(`${event} ${state}`)?.cell, `${event} in ${state}`);
    }
  });
}

test('footnotes [p] [r] [x] sit on the cells the RFC marks (RFC 1661 §4.1)', () => {
  for (const note of ['p', 'r', 'x'] as const) {
    const marked = [...RFC.entries()].filter(([, cell]) => cell.footnote === note).map(([key]) => key);
    assert.deepEqual(
      FOOTNOTES[note].map(([event, state]) => `${event} ${state}`).sort(),
      marked.sort(),
      note,
    );
  }
});

test('the Restart timer runs exactly in the states with TO events (RFC 1661 §4.1)', () => {
  assert.deepEqual(
    [...TIMER_STATES].sort(),
    (['closing', 'stopping', 'reqSent', 'ackRcvd', 'ackSent'] as State[]).sort(),
  );
});
