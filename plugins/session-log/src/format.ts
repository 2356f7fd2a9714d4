// The lines a pptpd/pppd administrator expects in the log, one per lifecycle event, rendered from the
// session bus. Pure: event in, message and fields out.
import { formatCloseReason, type SessionEvent } from '@switchyard/core';

export interface SessionLogLine {
  readonly level: 'info' | 'warn';
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export function sessionLogLine(event: SessionEvent, now: number): SessionLogLine | undefined {
  switch (event.type) {
    case 'up': {
      const [s] = event.args;
      return {
        level: 'info',
        message: `connect from ${s.peer}`,
        fields: { session: s.id, transport: s.transport },
      };
    }
    case 'authenticated': {
      const [s, user] = event.args;
      return {
        level: 'info',
        message: `user ${user} authenticated`,
        fields: { session: s.id, peer: s.peer },
      };
    }
    case 'ipAssigned': {
      const [s, address] = event.args;
      return {
        level: 'info',
        message: `address ${address} assigned`,
        fields: { session: s.id, user: s.user },
      };
    }
    case 'down': {
      const [s, reason] = event.args;
      const c = s.counters;
      return {
        level: reason.code === 'shutdown' || reason.code === 'peer-terminated' ? 'info' : 'warn',
        message: `session closed: ${formatCloseReason(reason)}`,
        fields: {
          session: s.id,
          peer: s.peer,
          ...(s.user !== undefined && { user: s.user }),
          ...(s.address !== undefined && { address: s.address }),
          seconds: Math.round((now - s.startedAt) / 1000),
          sent: `${c.bytesOut} bytes/${c.packetsOut} packets`,
          received: `${c.bytesIn} bytes/${c.packetsIn} packets`,
        },
      };
    }
    case 'stateChanged':
      return undefined;
  }
}
