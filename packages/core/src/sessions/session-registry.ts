// All live sessions of an appliance, by id. Ids are never reused within a run, so a late event for a
// closed session cannot reach a new one.
import { EventEmitter } from 'eventemitter3';
import type { Observable } from 'rxjs';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { createToken } from '../tokens.js';
import type { CloseReason } from './close-reason.js';
import { Session, type SessionId } from './session.js';
import { sessionEvents$, type SessionBus, type SessionEvent } from './session-events.js';

export class SessionRegistry {
  readonly bus: SessionBus = new EventEmitter();
  readonly events$: Observable<SessionEvent> = sessionEvents$(this.bus);
  private readonly live = new Map<SessionId, Session>();
  private nextId = 1;

  constructor(
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  create(transport: string, peer: string): Session {
    const id = this.nextId++;
    const session = new Session(
      id,
      transport,
      peer,
      this.clock.now(),
      this.logger.child({ session: id, peer }),
      this.bus,
      (s) => this.live.delete(s.id),
    );
    this.live.set(id, session);
    this.bus.emit('up', session.info);
    return session;
  }

  get(id: SessionId): Session | undefined {
    return this.live.get(id);
  }

  /** Sessions not yet fully closed. */
  all(): Session[] {
    return [...this.live.values()];
  }

  get size(): number {
    return this.live.size;
  }

  async closeAll(reason: CloseReason): Promise<void> {
    await Promise.all(this.all().map((s) => s.close(reason)));
  }
}

export const sessionRegistryToken = createToken<SessionRegistry>('core.sessionRegistry');
