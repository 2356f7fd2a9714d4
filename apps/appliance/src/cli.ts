// Command-line parsing for switchyard-pptpd. Pure: argv in, options (or a usage error) out.
import { parseArgs } from 'node:util';

export interface CliOptions {
  readonly config?: string;
  readonly debug: boolean;
  readonly help: boolean;
  readonly version: boolean;
}

export const usage = `usage: switchyard-pptpd [options]

  -c, --config FILE   native configuration (JSON); default: the embedded configuration
  -d, --debug         log protocol traces (pptpd/pppd 'debug')
  -h, --help          show this help
  -v, --version       show the version
`;

export type CliResult = { ok: true; options: CliOptions } | { ok: false; error: string };

export function parseCli(argv: readonly string[]): CliResult {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        config: { type: 'string', short: 'c' },
        debug: { type: 'boolean', short: 'd', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
    return {
      ok: true,
      options: {
        ...(values.config !== undefined && { config: values.config }),
        debug: values.debug ?? false,
        help: values.help ?? false,
        version: values.version ?? false,
      },
    };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
