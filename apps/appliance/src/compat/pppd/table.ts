// Every option name the reader knows, aliases included, looked up as pppd's find_option does (exact,
// case-sensitive). Two entries with one name would be a bug, so building the table throws on it.
import { authOptions } from './options-auth.js';
import { ccpOptions } from './options-ccp.js';
import { foreignOptions } from './options-foreign.js';
import { generalOptions } from './options-general.js';
import { ipcpOptions } from './options-ipcp.js';
import { lcpOptions } from './options-lcp.js';
import type { OptionSpec } from './spec.js';

/** `file <path>` and `call <name>` read more options; the reader handles them itself. */
export const includeOptions = ['file', 'call'] as const;

export const allOptions: readonly OptionSpec[] = [
  ...generalOptions,
  ...authOptions,
  ...lcpOptions,
  ...ipcpOptions,
  ...ccpOptions,
  ...foreignOptions,
];

function buildTable(specs: readonly OptionSpec[]): ReadonlyMap<string, OptionSpec> {
  const table = new Map<string, OptionSpec>();
  for (const spec of specs) {
    for (const name of [spec.name, ...(spec.aliases ?? [])]) {
      if (table.has(name) || (includeOptions as readonly string[]).includes(name)) {
        throw new Error(`pppd option table: '${name}' is defined twice`);
      }
      table.set(name, spec);
    }
  }
  return table;
}

export const optionTable = buildTable(allOptions);

/** Every name, for suggestions and tests. */
export const knownOptionNames: readonly string[] = [...includeOptions, ...optionTable.keys()];
