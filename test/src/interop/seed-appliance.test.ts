// The product's acceptance test: the seed how-to's scenario against OUR appliance. The seed's topology
// in namespaces (WAN; server with LAN 10.0.0.254/24; LAN host 10.0.0.5 with an on-link route only), the
// appliance started natively in the server namespace with the seed's three files verbatim (pptpd.conf
// names /usr/local/pptpd/etc/options.pptpd, so the files are shown there on a private tmpfs), and the
// real Linux client (pptp-linux + pppd with kernel MPPE) in User-Mode Linux.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { summarizeClientResult } from './client-result.js';
import { waitFor } from './exec.js';
import { interopSkipReason, withInterop, type InteropEnv } from './interop.js';
import { seedApplianceServer } from './seed-appliance-server.js';
import { SEED_EXPECT } from './seed-config.js';
import { SEED_NET } from './topology.js';

const skip = interopSkipReason();
const OPTS = { skip, timeout: 180_000 };
const seedServer = { server: seedApplianceServer, timeoutMs: 150_000 };

async function serverLogMatching(env: InteropEnv, pattern: RegExp): Promise<string> {
  return waitFor(
    'the server log line',
    () => (pattern.test(env.server.logs()) ? env.server.logs() : undefined),
    {
      timeoutMs: 5000,
    },
  ).catch(() => env.server.logs());
}

describe("the seed's scenario against our appliance (real Linux client)", () => {
  test(
    'vpn1/123456: MS-CHAPv2, MPPE-128, 10.0.0.201 + both ms-dns, pings both ways, address released',
    OPTS,
    async (t) => {
      await withInterop({ ...seedServer, signal: t.signal }, async (env) => {
        let lanPing = '';
        let leaseWhileUp = '';
        const result = await env.runClient({
          user: SEED_EXPECT.user,
          password: SEED_EXPECT.password,
          pings: [{ target: SEED_NET.lanHost, count: 5 }],
          routes: ['10.0.0.0/24'],
          onUp: async () => {
            // The LAN host has no route to 10.0.0.201: it can only reach it through our proxy ARP entry.
            lanPing = (await env.exec('lan', 'ping', ['-n', '-c', '3', '-W', '2', SEED_EXPECT.clientAddress]))
              .stdout;
            leaseWhileUp = (await env.exec('server', 'ip', ['neigh', 'show', 'proxy'])).stdout;
          },
        });
        const log = await serverLogMatching(env, /session closed/);
        const why = `${summarizeClientResult(result)}\n--- client pppd log ---\n${result.pppdLog}\n--- server log ---\n${log}`;
        t.diagnostic(summarizeClientResult(result));
        assert.equal(result.timedOut, false, why);
        assert.equal(result.auth.succeeded, true, why);
        assert.equal(result.auth.serverName, SEED_EXPECT.serverName, why);
        assert.match(result.auth.packet ?? '', /^S=[0-9A-F]{40} M=Access granted$/, why);
        assert.deepEqual(
          { bits: result.mppe?.bits, stateless: result.mppe?.stateless },
          { bits: 128, stateless: true },
          why,
        );
        assert.equal(result.tunnelUp, true, why);
        assert.equal(result.localIp, SEED_EXPECT.clientAddress, why);
        assert.equal(result.remoteIp, SEED_EXPECT.serverAddress, why);
        assert.deepEqual([result.dns1, result.dns2], [SEED_EXPECT.dns1, SEED_EXPECT.dns2], why);
        assert.equal(result.pings[0]?.received, 5, `${why}\n${result.pings[0]?.raw}`);
        assert.match(lanPing, / 0% packet loss/, `LAN host → client:\n${lanPing}\n${why}`);
        assert.match(leaseWhileUp, /10\.0\.0\.201/, 'the proxy ARP entry exists while the client is up');
        assert.equal(result.exitCode, 5, why); // hung up by SIGTERM: LCP Terminate-Request, then Call-Clear
        // The server's administrator log: connect, auth, address, MPPE, and the session end with counters.
        assert.match(log, /user vpn1 authenticated/, why);
        assert.match(log, /address 10\.0\.0\.201 assigned/, why);
        assert.match(log, /MPPE 128-bit stateless/, why);
        assert.match(
          log,
          /session closed: peer-terminated.*sent="\d+ bytes\/\d+ packets" received="\d+ bytes\/\d+ packets"/,
          why,
        );
        const after = (await env.exec('server', 'ip', ['neigh', 'show', 'proxy'])).stdout;
        assert.doesNotMatch(after, /10\.0\.0\.201/, 'the proxy ARP entry is gone with the session');
      });
    },
  );

  test('a wrong password is refused: E=691, pppd exits 19, no address is leased', OPTS, async (t) => {
    await withInterop({ ...seedServer, signal: t.signal }, async (env) => {
      const result = await env.runClient({ user: SEED_EXPECT.user, password: 'wrongpass' });
      const log = await serverLogMatching(env, /session closed/);
      const why = `${summarizeClientResult(result)}\n--- client pppd log ---\n${result.pppdLog}\n--- server log ---\n${log}`;
      assert.equal(result.exitCode, 19, why);
      assert.equal(result.auth.succeeded, false, why);
      assert.match(result.auth.packet ?? '', /^E=691 R=0 C=[0-9A-Fa-f]{32} V=3 M=Access denied$/, why);
      assert.equal(result.tunnelUp, false, why);
      assert.match(log, /authentication failed/i, why);
      assert.doesNotMatch(log, /address 10\.0\.0\.\d+ assigned/, why);
    });
  });

  test('a client that refuses stateful MPPE (nomppe-stateful) gets stateless 128-bit', OPTS, async (t) => {
    await withInterop({ ...seedServer, signal: t.signal }, async (env) => {
      const result = await env.runClient({
        user: SEED_EXPECT.user,
        password: SEED_EXPECT.password,
        mppeStateful: false,
        pings: [{ target: SEED_NET.lanHost, count: 3 }],
      });
      const why = `${summarizeClientResult(result)}\n--- client pppd log ---\n${result.pppdLog}\n--- server log ---\n${env.server.logs()}`;
      assert.equal(result.tunnelUp, true, why);
      assert.deepEqual(
        { bits: result.mppe?.bits, stateless: result.mppe?.stateless },
        { bits: 128, stateless: true },
        why,
      );
      assert.equal(result.pings[0]?.received, 3, `${why}\n${result.pings[0]?.raw}`);
    });
  });
});
