// Interop for the PPTP transport and everything above it on the wire: the real Linux client (pptp-linux
// in a UML) sets up its control connection and call against our appliance, and every frame the server
// sent — PPTP control, GRE, LCP, CHAP, CCP, IPCP, MPPE — decodes in tshark without malformed or
// expert-error fields.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { tsharkFields } from '@switchyard/wire/testing';
import { interopSkipReason, withInterop } from './interop.js';
import { seedApplianceServer } from './seed-appliance-server.js';
import { SEED_EXPECT } from './seed-config.js';
import { SEED_NET } from './topology.js';

const skip = interopSkipReason();

describe('real pptp-linux client against our PPTP transport', () => {
  test(
    'control connection and call set up; tshark finds nothing malformed in what we sent',
    { skip, timeout: 180_000 },
    async (t) => {
      const captureDir = mkdtempSync(join(tmpdir(), 'sy-capture-'));
      const captureFile = join(captureDir, 'wan.pcapng');
      t.after(() => rmSync(captureDir, { recursive: true, force: true }));
      await withInterop(
        { server: seedApplianceServer, captureFile, signal: t.signal, timeoutMs: 150_000 },
        async (env) => {
          const result = await env.runClient({
            user: SEED_EXPECT.user,
            password: SEED_EXPECT.password,
            pings: [{ target: SEED_NET.lanHost, count: 3 }],
          });
          const serverLog = env.server.logs();
          const why = `--- client syslog ---\n${result.syslog}\n--- server log ---\n${serverLog}`;
          assert.match(result.syslog, /Outgoing call established \(call ID \d+, peer's call ID \d+\)/, why);
          assert.match(serverLog, /control connection from 172\.31\.255\.\d+/, why);
          assert.equal(result.tunnelUp, true, why);
        },
      );
      // The capture is complete once the run is over (tshark stops at cleanup).
      const pcap = readFileSync(captureFile);
      const rows = tsharkFields(
        pcap,
        ['frame.number', '_ws.col.Protocol', '_ws.malformed', '_ws.expert.severity', '_ws.col.Info'],
        `ip.src == ${SEED_NET.wanServer} && (pptp || gre)`,
      );
      assert.ok(rows !== undefined, 'tshark is installed by the test setup');
      const protocols = new Set(rows.map((r) => r[1]));
      for (const expected of ['PPTP', 'PPP LCP', 'PPP CHAP', 'PPP CCP', 'PPP IPCP', 'PPP Comp']) {
        assert.ok(protocols.has(expected), `server sent ${expected}: ${[...protocols].join(', ')}`);
      }
      const bad = rows.filter((r) => r[2] !== '' || /error|warn/i.test(r[3] ?? ''));
      assert.deepEqual(
        bad,
        [],
        `server frames with malformed/expert fields:\n${bad.map((r) => r.join(' | ')).join('\n')}`,
      );
    },
  );
});
