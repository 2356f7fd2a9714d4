// session-log: writes the administrator's view of sessions (connect, auth, address, close with counters)
// from the core session bus. Swap or add plugins (accounting, metrics) on the same stream.
import { definePlugin } from '@switchyard/core';
import { sessionLogLine } from './format.js';

export const sessionLogPlugin = definePlugin({
  id: 'session-log',
  start: ({ sessions, logger, clock }) => {
    const subscription = sessions.events$.subscribe((event) => {
      const line = sessionLogLine(event, clock.now());
      if (line) logger[line.level](line.message, line.fields);
    });
    return { stop: () => subscription.unsubscribe() };
  },
});
