// The plugin contract (Backstage's typed deps + Fastify's boot-time checks): a plugin names the config
// section it owns, the tokens it provides and requires, registers into the container (no I/O), then
// starts. What start() returns is the running instance, so one plugin object can serve many
// appliances (tests build dozens) without module-level state.
import type { DependencyContainer } from './di.js';
import type { Clock } from './clock.js';
import type { ConfigProblem } from './errors.js';
import type { Logger } from './logger.js';
import type { SessionRegistry } from './sessions/session-registry.js';
import type { Token } from './tokens.js';

/** A JSON schema (ajv, draft-07) for a plugin's config section; `default`s are applied. */
export type ConfigSchema = Readonly<Record<string, unknown>>;

export interface PluginContext<C> {
  readonly config: Readonly<C>;
  readonly container: DependencyContainer;
  /** This plugin's logger: every record carries `plugin: <id>`. */
  readonly logger: Logger;
  readonly clock: Clock;
  readonly sessions: SessionRegistry;
}

/** What a started plugin hands back; `stop` runs once, in reverse start order, also after a failed boot. */
export interface RunningPlugin {
  stop(): Promise<void> | void;
}

export interface Plugin<C = unknown> {
  /** kebab-case; also the name of the config section the plugin owns. */
  readonly id: string;
  /** Schema of `config[id]`. Without one the plugin takes no configuration. */
  readonly configSchema?: ConfigSchema;
  /** Tokens this plugin registers. Several plugins may provide the same token (e.g. credential stores). */
  readonly provides?: readonly Token<unknown>[];
  /** Tokens that must have a provider; the providers start first. */
  readonly requires?: readonly Token<unknown>[];
  /** Tokens used when some plugin provides them; such providers start first. */
  readonly uses?: readonly Token<unknown>[];
  /** Checks the schema cannot express (address ranges, cross-field rules); every problem is reported. */
  validate?(config: Readonly<C>): readonly ConfigProblem[];
  /** Registers providers in the container. No I/O here. */
  register?(container: DependencyContainer, config: Readonly<C>): void;
  /** I/O begins here. */
  start?(context: PluginContext<C>): Promise<RunningPlugin | void> | RunningPlugin | void;
}

/** Identity function that keeps the config type attached to the plugin object. */
export const definePlugin = <C>(plugin: Plugin<C>): Plugin<C> => plugin;
