// An appliance is a list of plugins plus a config. start(): check dependencies, validate the merged
// config (nothing starts on invalid config), register every plugin in a fresh child container, start
// them in dependency order. stop(): close sessions, then stop plugins in reverse; a failed start stops
// what had started, in reverse, before the error is thrown.
import { SystemClock, clockToken, type Clock } from './clock.js';
import { validateConfig, type ApplianceConfig } from './config.js';
import { container as rootContainer, type DependencyContainer } from './di.js';
import { ErrorCodes, SwitchyardError } from './errors.js';
import { batchedWriter, createLogger, loggerToken, streamSink, type LogSink, type Logger } from './logger.js';
import { orderPlugins } from './plugin-order.js';
import type { Plugin, RunningPlugin } from './plugin.js';
import { closeReason } from './sessions/close-reason.js';
import { SessionRegistry, sessionRegistryToken } from './sessions/session-registry.js';

export interface ApplianceOptions {
  readonly plugins: readonly Plugin<never>[];
  /** The raw config; validated on start. */
  readonly config?: unknown;
  readonly clock?: Clock;
  /** Where log records go; default: text or JSON lines on stderr per `core.log.format`. */
  readonly logSink?: LogSink;
  /** Parent container; default tsyringe's root. Each appliance works in its own child. */
  readonly container?: DependencyContainer;
}

type ApplianceState = 'created' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

export class Appliance {
  private current: ApplianceState = 'created';
  private readonly running: { plugin: Plugin; instance: RunningPlugin | void }[] = [];
  private containerInstance?: DependencyContainer;
  private sessionRegistry?: SessionRegistry;
  private rootLogger?: Logger;
  private validated?: ApplianceConfig;

  constructor(private readonly options: ApplianceOptions) {}

  get state(): ApplianceState {
    return this.current;
  }

  get config(): ApplianceConfig {
    return (this.validated ??= validateConfig(this.plugins, this.options.config));
  }

  get container(): DependencyContainer {
    return this.require(this.containerInstance);
  }

  get sessions(): SessionRegistry {
    return this.require(this.sessionRegistry);
  }

  get logger(): Logger {
    return this.require(this.rootLogger);
  }

  private get plugins(): readonly Plugin[] {
    return this.options.plugins as readonly Plugin[];
  }

  async start(): Promise<void> {
    if (this.current !== 'created') {
      throw new SwitchyardError(
        ErrorCodes.applianceState,
        `cannot start an appliance that is ${this.current}`,
      );
    }
    this.current = 'starting';
    let ordered: Plugin[];
    try {
      ordered = orderPlugins(this.plugins);
      void this.config; // throws ConfigError listing every problem
    } catch (error) {
      this.current = 'failed';
      throw error;
    }
    const config = this.config;
    const clock = this.options.clock ?? new SystemClock();
    const sink = this.options.logSink ?? streamSink(config.core.log.format, stderrLog().write);
    const logger = (this.rootLogger = createLogger({ level: config.core.log.level, sink }));
    const container = (this.containerInstance = (
      this.options.container ?? rootContainer
    ).createChildContainer());
    const sessions = (this.sessionRegistry = new SessionRegistry(clock, logger));
    container.registerInstance(clockToken, clock);
    container.registerInstance(loggerToken, logger);
    container.registerInstance(sessionRegistryToken, sessions);

    let phase = 'register';
    let current: Plugin | undefined;
    try {
      for (current of ordered) current.register?.(container, config[current.id] as never);
      phase = 'start';
      for (current of ordered) {
        const instance = await current.start?.({
          config: config[current.id] as never,
          container,
          logger: logger.child({ plugin: current.id }),
          clock,
          sessions,
        });
        this.running.push({ plugin: current, instance });
        logger.debug('plugin started', { plugin: current.id });
      }
    } catch (error) {
      const id = current?.id ?? '?';
      logger.error(`plugin failed to ${phase}`, { plugin: id, error: String(error) });
      await this.stopRunning();
      this.current = 'failed';
      stderrLog().flush(); // before the caller prints why we failed
      throw new SwitchyardError(
        ErrorCodes.pluginStartFailed,
        `plugin '${id}' failed to ${phase}: ${String(error)}`,
        {
          cause: error,
        },
      );
    }
    this.current = 'running';
    logger.info('appliance started', { plugins: ordered.map((p) => p.id).join(',') });
  }

  /** Closes every session (releasing their resources), then stops plugins in reverse. Idempotent. */
  async stop(): Promise<void> {
    if (this.current !== 'running') return;
    this.current = 'stopping';
    await this.sessions.closeAll(closeReason('shutdown'));
    await this.stopRunning();
    this.current = 'stopped';
    this.logger.info('appliance stopped');
    stderrLog().flush();
  }

  private async stopRunning(): Promise<void> {
    while (this.running.length > 0) {
      const { plugin, instance } = this.running.pop()!;
      try {
        await instance?.stop();
        this.rootLogger?.debug('plugin stopped', { plugin: plugin.id });
      } catch (error) {
        // Keep stopping the rest: one plugin's failure must not leave sockets or devices behind.
        this.rootLogger?.error('plugin failed to stop', { plugin: plugin.id, error: String(error) });
      }
    }
  }

  private require<T>(value: T | undefined): T {
    if (value === undefined)
      throw new SwitchyardError(ErrorCodes.applianceState, 'appliance has not started');
    return value;
  }
}

let stderrWriter: ReturnType<typeof batchedWriter> | undefined;

/** The process's log on stderr, one write per turn of the event loop; flushed when the process exits. */
function stderrLog(): ReturnType<typeof batchedWriter> {
  if (stderrWriter === undefined) {
    const writer = batchedWriter((chunk) => process.stderr.write(chunk));
    // 'exit' also follows process.exit() and an uncaught exception: the last lines still get out.
    process.once('exit', writer.flush);
    stderrWriter = writer;
  }
  return stderrWriter;
}

export const createAppliance = (options: ApplianceOptions): Appliance => new Appliance(options);
