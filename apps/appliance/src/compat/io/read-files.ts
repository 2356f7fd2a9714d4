// The only compat code that touches the file system: reads pptpd.conf, /etc/ppp/options and includes
// (UTF-8, like the secrets-file plugin), then hands the texts to the pure resolveCompat.
import { readFileSync } from 'node:fs';
import type { CompatConfig } from '../compat-config.js';
import { pppdDefaults, pptpdDefaults } from '../compat-config.js';
import type { PptpdCommandLine } from '../command-line.js';
import type { ReadInclude } from '../findings.js';
import type { OptionsFile } from '../pppd-options.js';
import { resolveCompat } from '../resolve.js';

/** Reads a file for `option`, pppd `file` and `call`; the Error says why it cannot (ENOENT, EACCES…). */
export const readInclude: ReadInclude = (path) => readFileSync(path, 'utf8');

export interface LoadCompatOptions {
  /** pptpd's -c/--conf; when absent, /etc/pptpd.conf is read if it exists. */
  readonly conf?: string;
  readonly commandLine?: PptpdCommandLine;
  /** pppd's /etc/ppp/options, read first if it exists; false to skip it. */
  readonly systemOptions?: string | false;
}

export function loadCompat(options: LoadCompatOptions = {}): CompatConfig {
  const confPath = options.conf ?? pptpdDefaults.configFile;
  const pptpdConf = readIfPresent(confPath);
  const systemPath = options.systemOptions === undefined ? pppdDefaults.systemOptions : options.systemOptions;
  const systemOptions = systemPath === false ? undefined : readIfPresent(systemPath);
  const config = resolveCompat({
    ...(pptpdConf && { pptpdConf }),
    ...(systemOptions && { systemOptions }),
    ...(options.commandLine && { commandLine: options.commandLine }),
    readInclude,
  });
  if (options.conf === undefined || pptpdConf) return config;
  // pptpd.c: an explicit --conf that cannot be opened is fatal ("MGR: Config file not found!").
  return {
    ...config,
    problems: [
      { path: '--conf', value: options.conf, reason: 'config file not found or not readable' },
      ...config.problems,
    ],
  };
}

function readIfPresent(path: string): OptionsFile | undefined {
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch {
    // pptpd runs with its defaults when /etc/pptpd.conf is missing, and pppd without /etc/ppp/options.
    return undefined;
  }
}
