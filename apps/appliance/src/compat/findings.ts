// Where a compat setting came from (`file:line`) and the two kinds of finding every reader reports:
// problems (refused or invalid: the appliance must not start) and notes (accepted, logged, no effect).
import type { ConfigProblem } from '@switchyard/core';

/** A place in a configuration file, or on the command line (`line` 0). */
export interface Source {
  readonly file: string;
  readonly line: number;
}

/** Reads an included file (`option`, pppd `file`/`call`); throws an Error that says why it cannot. */
export type ReadInclude = (path: string) => string;

export const commandLine: Source = { file: 'command line', line: 0 };

/** `pptpd.conf:12 delegate`, the path of a ConfigProblem (STYLE.md §3.7: path, value, reason). */
export function pathOf(at: Source, what: string): string {
  return at.line === 0 ? `${at.file} ${what}` : `${at.file}:${at.line} ${what}`;
}

/** Collects findings in reading order; readers never stop at the first problem. */
export class Findings {
  readonly notes: string[] = [];
  readonly problems: ConfigProblem[] = [];

  note(at: Source, what: string, message: string): void {
    this.notes.push(`${pathOf(at, what)}: ${message}`);
  }

  problem(at: Source, what: string, value: unknown, reason: string): void {
    this.problems.push({ path: pathOf(at, what), value, reason });
  }

  addAll(other: { readonly notes: readonly string[]; readonly problems: readonly ConfigProblem[] }): void {
    this.notes.push(...other.notes);
    this.problems.push(...other.problems);
  }
}

/** The message of whatever a ReadInclude threw. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
