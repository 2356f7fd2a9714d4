// Starts the appliance and keeps it up until SIGINT/SIGTERM, then stops it cleanly (sessions closed,
// plugins stopped in reverse). Exit codes: 0 clean stop, 1 failed start, 2 usage error.
import { readFile } from 'node:fs/promises';
import { createAppliance, ConfigError, SwitchyardError } from '@switchyard/core';
import { parseCli, usage } from './cli.js';
import { defaultConfig } from './default-config.js';
import { appliancePlugins } from './plugins.js';

export const version = '0.1.0';

export async function run(argv: readonly string[]): Promise<number> {
  const parsed = parseCli(argv);
  if (!parsed.ok) {
    process.stderr.write(`switchyard-pptpd: ${parsed.error}\n${usage}`);
    return 2;
  }
  const { options } = parsed;
  if (options.help) {
    process.stdout.write(usage);
    return 0;
  }
  if (options.version) {
    process.stdout.write(`switchyard-pptpd ${version}\n`);
    return 0;
  }

  let config: Record<string, unknown> = structuredClone(defaultConfig) as Record<string, unknown>;
  if (options.config) {
    try {
      config = JSON.parse(await readFile(options.config, 'utf8')) as Record<string, unknown>;
    } catch (error) {
      process.stderr.write(`switchyard-pptpd: cannot read ${options.config}: ${(error as Error).message}\n`);
      return 1;
    }
  }
  if (options.debug) {
    const core = (config.core ?? {}) as Record<string, unknown>;
    config = { ...config, core: { ...core, log: { ...(core.log as object), level: 'debug' } } };
  }

  const appliance = createAppliance({ plugins: appliancePlugins, config });
  try {
    await appliance.start();
  } catch (error) {
    const message =
      error instanceof ConfigError || error instanceof SwitchyardError ? error.message : String(error);
    process.stderr.write(`switchyard-pptpd: ${message}\n`);
    return 1;
  }

  return new Promise<number>((resolve) => {
    // Signal listeners do not keep Node's event loop alive; an appliance whose plugins hold no socket
    // yet must still run until it is told to stop.
    const keepAlive = setInterval(() => {}, 1 << 30);
    const shutdown = (signal: NodeJS.Signals) => {
      clearInterval(keepAlive);
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      appliance.logger.info(`received ${signal}, stopping`);
      appliance.stop().then(
        () => resolve(0),
        (error: unknown) => {
          process.stderr.write(`switchyard-pptpd: stop failed: ${String(error)}\n`);
          resolve(1);
        },
      );
    };
    process.on('SIGINT', shutdown);
    process.on('SIGTERM', shutdown);
  });
}
