// Starts the appliance and keeps it up until SIGINT/SIGTERM, then stops it cleanly (sessions closed,
// plugins stopped in reverse). Exit codes: 0 clean stop, 1 configuration or start failure, 2 usage error.
import { createAppliance, formatConfigProblems, SwitchyardError } from '@switchyard/core';
import { parseCli, usage } from './cli.js';
import { loadConfig } from './config/load-config.js';
import { writePidFile } from './pidfile.js';
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

  const loaded = loadConfig(options);
  if (loaded.problems.length > 0) {
    process.stderr.write(`switchyard-pptpd: ${loaded.source}: ${formatConfigProblems(loaded.problems)}\n`);
    return 1;
  }
  const appliance = createAppliance({ plugins: appliancePlugins, config: loaded.config });
  try {
    await appliance.start();
  } catch (error) {
    const message = error instanceof SwitchyardError ? error.message : String(error);
    process.stderr.write(`switchyard-pptpd: ${message}\n`);
    return 1;
  }
  const { logger } = appliance;
  logger.info(`configuration: ${loaded.source}`);
  for (const note of loaded.notes) logger.info(`note: ${note}`);
  const removePidFile = loaded.pidFile !== undefined ? writePidFile(loaded.pidFile) : undefined;

  return new Promise<number>((resolve) => {
    // Signal listeners do not keep Node's event loop alive; the appliance runs until it is told to stop.
    const keepAlive = setInterval(() => {}, 1 << 30);
    const shutdown = (signal: NodeJS.Signals) => {
      clearInterval(keepAlive);
      process.off('SIGINT', shutdown);
      process.off('SIGTERM', shutdown);
      logger.info(`received ${signal}, stopping`);
      appliance.stop().then(
        () => {
          removePidFile?.();
          resolve(0);
        },
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
