// Session lifecycle on a typed eventemitter3 bus (low rate: lifecycle only, never packets) and the
// same events as one RxJS stream for management, logging and accounting plugins.
import type { EventEmitter } from 'eventemitter3';
import { Observable } from 'rxjs';
import type { CloseReason } from './close-reason.js';
import type { SessionInfo } from './session.js';

export interface SessionEvents {
  up: [session: SessionInfo];
  authenticated: [session: SessionInfo, user: string];
  ipAssigned: [session: SessionInfo, address: string];
  stateChanged: [session: SessionInfo, previous: SessionInfo['state']];
  down: [session: SessionInfo, reason: CloseReason];
}

export type SessionEvent = {
  [K in keyof SessionEvents]: { readonly type: K; readonly args: SessionEvents[K] };
}[keyof SessionEvents];

export type SessionBus = EventEmitter<SessionEvents>;

const eventNames: readonly (keyof SessionEvents)[] = [
  'up',
  'authenticated',
  'ipAssigned',
  'stateChanged',
  'down',
];

/** Every event of `bus` as a stream; unsubscribing removes the listeners. */
export function sessionEvents$(bus: SessionBus): Observable<SessionEvent> {
  return new Observable<SessionEvent>((subscriber) => {
    const handlers = eventNames.map((type) => {
      const handler = (...args: unknown[]) => subscriber.next({ type, args } as unknown as SessionEvent);
      bus.on(type, handler as never);
      return () => bus.off(type, handler as never);
    });
    return () => handlers.forEach((off) => off());
  });
}
