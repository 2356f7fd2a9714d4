// Optional packet capture: tshark on the WAN bridge sees every frame between clients and server (PPTP on 1723,
// GRE 0x880B); the pcapng file is the caller's, everything else is cleaned up with the run.
import { spawn } from 'node:child_process';
import type { Cleanup } from './cleanup.js';
import { HarnessError, groupMembers, hostEnv, killGroup, sleep, waitFor } from './exec.js';

export interface Capture {
  /** Stops tshark with SIGINT (so it finishes the file) and waits for it. Idempotent. */
  stop(): Promise<void>;
}

/** Starts `tshark -i iface -w file` inside `ns`; resolves once tshark reports that it is capturing. */
export async function startCapture(
  cleanup: Cleanup,
  ns: string,
  iface: string,
  file: string,
): Promise<Capture> {
  const child = spawn('ip', ['netns', 'exec', ns, 'tshark', '-n', '-i', iface, '-w', file], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: hostEnv(),
  });
  const pid = child.pid;
  if (pid === undefined) throw new HarnessError('cannot start tshark');
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let done = false;
  const stop = async () => {
    if (done) return;
    done = true;
    try {
      process.kill(pid, 'SIGINT');
    } catch {
      // Already gone.
    }
    for (let i = 0; i < 60 && groupMembers(pid).length > 0; i++) await sleep(50);
    await killGroup(pid);
  };
  cleanup.defer(`tshark ${pid}`, stop, () => {
    if (!done) process.kill(-pid, 'SIGKILL');
  });
  await waitFor('tshark to start capturing', () => (/Capturing on/.test(stderr) ? true : undefined), {
    timeoutMs: 15_000,
  });
  return { stop };
}
