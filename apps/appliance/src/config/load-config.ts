// Chooses and reads the configuration: pptpd's files (--conf / --option), a native JSON or YAML file
// (--native-config), or the embedded default; then lays the command-line flags over it. The only
// config code that reads files (through the compat reader's io and node:fs here).
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { parse as parseYaml } from 'yaml';
import type { ConfigProblem } from '@switchyard/core';
import type { CliOptions } from '../cli.js';
import { loadCompat, readInclude, resolveCompat, type CompatConfig } from '../compat/index.js';
import { embeddedConfig } from './embedded.js';
import { nativeConfigFromCompat } from './from-compat.js';

export interface LoadedConfig {
  readonly config: Record<string, unknown>;
  /** Where it came from, for the start-up log line. */
  readonly source: string;
  /** pptpd/pppd entries accepted with no effect here: logged at info. */
  readonly notes: readonly string[];
  /** Everything refused or invalid: the appliance does not start while any exist. */
  readonly problems: readonly ConfigProblem[];
  readonly pidFile?: string;
}

export function loadConfig(options: CliOptions): LoadedConfig {
  if (options.conf !== undefined || options.pptpd.option !== undefined) return fromPptpd(options);
  if (options.nativeConfig !== undefined) return fromNative(options, options.nativeConfig);
  return withFlags(options, structuredClone(embeddedConfig) as Record<string, unknown>, 'embedded default');
}

function fromPptpd(options: CliOptions): LoadedConfig {
  // Without --conf we read no pptpd.conf at all (pptpd would read /etc/pptpd.conf): an appliance
  // should not change behaviour because a stale file sits in /etc. /etc/ppp/options is read, as pppd does.
  const compat: CompatConfig =
    options.conf !== undefined
      ? loadCompat({ conf: options.conf, commandLine: options.pptpd })
      : resolveCompat({ commandLine: options.pptpd, readInclude, ...systemOptions() });
  const config = nativeConfigFromCompat(compat, {
    hostName: hostname(),
    ...(options.secrets !== undefined && { secretsPath: options.secrets }),
  });
  return {
    config,
    source: options.conf ?? 'pptpd defaults',
    notes: compat.notes,
    problems: compat.problems,
    ...(compat.pidFile !== undefined && { pidFile: compat.pidFile }),
  };
}

function systemOptions(): { systemOptions?: { path: string; text: string } } {
  try {
    return { systemOptions: { path: '/etc/ppp/options', text: readFileSync('/etc/ppp/options', 'utf8') } };
  } catch {
    return {};
  }
}

function fromNative(options: CliOptions, path: string): LoadedConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return failed(path, '--native-config', `cannot read: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = /\.json$/i.test(path) ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    return failed(
      path,
      '--native-config',
      `not valid ${/\.json$/i.test(path) ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
    );
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return failed(path, '--native-config', 'must contain an object with one section per plugin');
  }
  return withFlags(options, parsed as Record<string, unknown>, path);
}

const failed = (source: string, path: string, reason: string): LoadedConfig => ({
  config: {},
  source,
  notes: [],
  problems: [{ path, value: source, reason }],
});

/** pptpd's flags that have a native meaning, laid over a native or embedded config. */
function withFlags(options: CliOptions, config: Record<string, unknown>, source: string): LoadedConfig {
  const problems: ConfigProblem[] = [];
  const section = (id: string) =>
    (config[id] = { ...(config[id] as object | undefined) }) as Record<string, unknown>;
  const { pptpd } = options;
  if (pptpd.debug) section('core').log = { ...(section('core').log as object | undefined), level: 'debug' };
  if (pptpd.listen !== undefined) section('pptp-control').listen = pptpd.listen;
  for (const [flag, key] of [
    ['connections', 'connections'],
    ['stimeout', 'stimeout'],
  ] as const) {
    const value = pptpd[flag];
    if (value === undefined) continue;
    if (/^\d+$/.test(value)) section('pptp-control')[key] = Number(value);
    else problems.push({ path: `--${flag}`, value, reason: 'must be a whole number' });
  }
  if (options.secrets !== undefined) section('secrets-file').path = options.secrets;
  for (const flag of ['ppp', 'bcrelay', 'logwtmp', 'delegate', 'speed', 'noipparam', 'vrf'] as const) {
    if (pptpd[flag] !== undefined) {
      problems.push({
        path: `--${flag}`,
        value: pptpd[flag],
        reason: 'a pptpd.conf setting: use it with --conf',
      });
    }
  }
  return {
    config,
    source,
    notes: [],
    problems,
    ...(pptpd.pidfile !== undefined && { pidFile: pptpd.pidfile }),
  };
}
