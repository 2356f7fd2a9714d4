// pptpd's pid file (-p/--pidfile, pptpd.conf `pidfile`): written after a successful start, removed on stop.
import { rmSync, writeFileSync } from 'node:fs';

export function writePidFile(path: string): () => void {
  writeFileSync(path, `${process.pid}\n`);
  return () => rmSync(path, { force: true });
}
