// Interop for the PPTP transport (issue: PPTP control + GRE): the real Linux client (pptp-linux in a UML)
// sets up its control connection and call against our appliance running natively in the server namespace.
// PPP beyond the call is the appliance's business; here the client's LCP gets no answer and gives up.
// What the server sent on the wire must decode in tshark without malformed or expert-error fields.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tsharkFields } from '@switchyard/wire/testing';
import { interopSkipReason, withInterop } from './interop.js';
import { SEED_EXPECT } from './seed-config.js';
import { SEED_NET } from './topology.js';

const skip = interopSkipReason();
const main = fileURLToPath(new URL('../../../apps/appliance/dist/main.js', import.meta.url));

describe('real pptp-linux client against our PPTP transport', () => {
  test(
    'control connection and outgoing call are established; our bytes decode cleanly',
    { skip, timeout: 180_000 },
    async (t) => {
      const captureDir = mkdtempSync(join(tmpdir(), 'sy-capture-'));
      const captureFile = join(captureDir, 'wan.pcapng');
      t.after(() => rmSync(captureDir, { recursive: true, force: true }));
      await withInterop(
        {
          server: {
            kind: 'native',
            command: (ctx) => {
              const config = join(ctx.dir, 'transport.json');
              writeFileSync(
                config,
                JSON.stringify({ 'pptp-control': {}, gre: {}, core: { log: { level: 'debug' } } }),
              );
              return [process.execPath, main, '--config', config];
            },
          },
          captureFile,
          signal: t.signal,
          timeoutMs: 150_000,
        },
        async (env) => {
          const result = await env.runClient({
            user: SEED_EXPECT.user,
            password: SEED_EXPECT.password,
            // No PPP answers yet: make the client's LCP give up quickly.
            extraPppdOptions: ['lcp-restart 1', 'lcp-max-configure 3'],
            upTimeoutMs: 15_000,
          });
          const serverLog = env.server.logs();
          const why = `--- client syslog ---\n${result.syslog}\n--- server log ---\n${serverLog}`;
          assert.match(result.syslog, /Outgoing call established \(call ID \d+, peer's call ID \d+\)/, why);
          assert.match(
            serverLog,
            new RegExp(`control connection from ${SEED_NET.wanPrefix.replace(/\./g, '\\.')}\\.`),
            why,
          );
          assert.match(serverLog, /call up .*callId=\d+ peerCallId=\d+/, why);
          assert.match(serverLog, /connect from /, why);
        },
      );
      // The capture is complete once the run is over (tshark stops at cleanup).
      const pcap = readFileSync(captureFile);
      {
        {
          const rows = tsharkFields(
            pcap,
            ['frame.number', 'ip.src', '_ws.malformed', '_ws.expert.severity', 'pptp.type'],
            `ip.src == ${SEED_NET.wanServer} && (pptp || gre)`,
          );
          assert.ok(rows !== undefined, 'tshark is installed by the test setup');
          assert.ok(rows.length >= 3, `server frames captured: ${rows.length}`);
          const bad = rows.filter((r) => r[2] !== '' || /error|warn/i.test(r[3] ?? ''));
          assert.deepEqual(bad, [], `server frames with malformed/expert fields:\n${bad.join('\n')}`);
        }
      }
    },
  );
});
