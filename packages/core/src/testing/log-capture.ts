// Collects log records in memory so tests can assert on what an administrator would read.
import {
  createLogger,
  formatLogText,
  type LogLevel,
  type LogRecord,
  type LogSink,
  type Logger,
} from '../logger.js';

export class LogCapture {
  readonly records: LogRecord[] = [];
  readonly sink: LogSink = (record) => this.records.push(record);

  logger(level: LogLevel = 'debug'): Logger {
    return createLogger({ level, sink: this.sink });
  }

  /** Records rendered as text lines, optionally only those at `level`. */
  lines(level?: LogLevel): string[] {
    return this.records.filter((r) => !level || r.level === level).map(formatLogText);
  }

  has(pattern: RegExp | string, level?: LogLevel): boolean {
    return this.lines(level).some((l) =>
      typeof pattern === 'string' ? l.includes(pattern) : pattern.test(l),
    );
  }
}
