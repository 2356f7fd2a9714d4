// The CredentialStore over chap-secrets. It answers from the entries loaded last; re-reads the file on
// reload() (SIGHUP) and, since pppd re-reads chap-secrets at every login, when the file has changed. A
// failed re-read keeps the entries it had; sessions never notice a reload.
import {
  createLogger,
  type CredentialAnswer,
  type CredentialQuery,
  type CredentialStore,
  type Logger,
} from '@switchyard/core';
import type { ChapSecret } from './codec/chap-secrets.js';
import { findSecret, serverMismatches } from './codec/match.js';
import { reservationsOf } from './codec/reservations.js';
import type { LoadedSecrets } from './io/read-secrets.js';

/** Where the entries come from: the file in production, anything in tests. */
export interface SecretsSource {
  readonly path: string;
  /** Throws SwitchyardError when the file cannot be read. */
  load(): Promise<LoadedSecrets>;
  /** The file version now, undefined when it cannot be examined. */
  stamp(): Promise<string | undefined>;
}

export interface SecretsFileStoreOptions {
  /** Re-read before a lookup when the file changed (pppd reads it at every login). */
  readonly reloadOnChange: boolean;
  /** A file that does not exist yet means "no users" (the appliance's embedded default), not a boot error. */
  readonly allowMissing?: boolean;
}

const missing = 'missing';

export class SecretsFileStore implements CredentialStore {
  readonly name = 'secrets-file';
  private current?: LoadedSecrets;
  private reserved: ReadonlyMap<string, string> = new Map();
  private logger: Logger = createLogger({ level: 'error', sink: () => undefined });
  /** The version a re-read last failed on: not retried (nor logged again) until the file changes. */
  private failedStamp?: string;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting?: Promise<boolean>;

  constructor(
    private readonly source: SecretsSource,
    private readonly options: SecretsFileStoreOptions,
  ) {}

  /** The first read, from the plugin's start(): if it fails the error stops the boot. */
  async open(logger: Logger): Promise<void> {
    this.logger = logger;
    if (this.options.allowMissing && (await this.source.stamp()) === undefined) {
      // Nobody can log in until the file exists; with reloadOnChange the first lookup after it is
      // created reads it (its stamp differs from "missing").
      this.current = { path: this.source.path, entries: [], problems: [], warnings: [], stamp: missing };
      logger.warn(`chap-secrets ${this.source.path} does not exist: no user can log in until it is created`);
      return;
    }
    this.install(await this.source.load(), 'loaded');
  }

  get entries(): readonly ChapSecret[] {
    return this.current?.entries ?? [];
  }

  /** CredentialStore: the fixed addresses of the entries loaded last (see codec/reservations.ts). */
  reservedAddresses(): ReadonlyMap<string, string> {
    return this.reserved;
  }

  /** Re-reads the file; false when that failed (the old entries stay). Calls made meanwhile share one read. */
  reload(): Promise<boolean> {
    if (this.waiting) return this.waiting;
    const run = this.queue.then(() => {
      this.waiting = undefined;
      return this.reread();
    });
    this.waiting = run;
    this.queue = run.catch(() => false);
    return run;
  }

  async lookup(query: CredentialQuery): Promise<CredentialAnswer> {
    if (!this.current) return { kind: 'unavailable', reason: `${this.source.path} is not loaded` };
    if (this.options.reloadOnChange) await this.reloadIfChanged();
    const entries = this.entries;
    const entry = findSecret(entries, query.user, query.server);
    if (entry) return { kind: 'found', secret: entry.secret, addresses: entry.addresses };
    const elsewhere = serverMismatches(entries, query.user, query.server);
    if (elsewhere.length > 0) {
      const names = [...new Set(elsewhere.map((e) => `'${e.server}'`))].join(', ');
      this.logger.warn(
        `chap-secrets has user ${query.user} only for server ${names}, and we are '${query.server}': ` +
          `the 2nd column must equal pppd's name (or be *)`,
        { path: this.source.path, line: elsewhere[0]!.line },
      );
    }
    return { kind: 'not-found' };
  }

  private async reloadIfChanged(): Promise<void> {
    const stamp = (await this.source.stamp()) ?? missing;
    if (stamp === this.current?.stamp || stamp === this.failedStamp) return;
    await this.reload();
  }

  private async reread(): Promise<boolean> {
    let stamp = missing;
    try {
      stamp = (await this.source.stamp()) ?? missing;
      this.install(await this.source.load(), 'reloaded');
      this.failedStamp = undefined;
      return true;
    } catch (error) {
      this.failedStamp = stamp;
      this.logger.error(
        `chap-secrets reload failed, keeping the ${this.entries.length} entries loaded before`,
        {
          path: this.source.path,
          error: error instanceof Error ? error.message : String(error),
        },
      );
      return false;
    }
  }

  private install(loaded: LoadedSecrets, verb: 'loaded' | 'reloaded'): void {
    this.current = loaded;
    this.reserved = reservationsOf(loaded.entries);
    for (const warning of loaded.warnings) this.logger.warn(warning, { path: loaded.path });
    for (const p of loaded.problems) {
      const effect = p.entry === 'skipped' ? ' (line ignored)' : '';
      this.logger.warn(`chap-secrets line ${p.line}: ${p.reason}${effect}`, {
        path: loaded.path,
        line: p.line,
      });
    }
    this.logger.info(`chap-secrets ${verb}: ${loaded.entries.length} entries`, { path: loaded.path });
  }
}
