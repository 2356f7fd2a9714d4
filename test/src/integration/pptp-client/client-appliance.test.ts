// Our PPTP client against our appliance (root): the seed's network in namespaces (the interop harness's
// topology, no UML), switchyard-pptpd in the server namespace with the seed's files plus a load account,
// and switchyard-pptp in a client namespace on the WAN. The client logs in, gets its address and DNS
// over MPPE-128, and exchanges IP packets through its TUN device with the LAN host 10.0.0.5, which reaches
// it only through the server's proxy ARP. Then the load generator sends UDP from several sessions to an
// echo on the LAN host. Everything the test creates is removed, also on failure.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { LoadReport } from '@switchyard/pptp-client';
import { Cleanup } from '../../interop/cleanup.js';
import { runIn } from '../../interop/exec.js';
import { startNativeServer } from '../../interop/native-server.js';
import { SEED_EXPECT, SEED_FILES } from '../../interop/seed-config.js';
import type { ServerHandle } from '../../interop/server-handle.js';
import { SEED_NET, type SeedTopology } from '../../interop/topology.js';
import {
  applianceOnSeedFiles,
  runClient,
  seedClientArgv,
  seedRunWithOneClient,
  startInNamespace,
  startUdpEcho,
} from './processes.js';

const isRoot = process.getuid?.() === 0;
const LOAD_USER = { user: 'load', password: 'load-secret' };
const ECHO_PORT = 7;
/** The line connect-command logs once IP flows. */
const TUNNEL_UP = /tunnel up: (\S+) (\S+) -> (\S+), DNS ([^,]*), MPPE ([^,]*), set-up (\d+) ms/;

describe(
  'our client against our appliance, in namespaces',
  { skip: isRoot ? false : 'needs root', timeout: 120_000 },
  () => {
    const cleanup = new Cleanup();
    let dir = '';
    let topology: SeedTopology;
    let server: ServerHandle;
    let clientNs = '';

    before(async () => {
      const run = await seedRunWithOneClient(cleanup);
      ({ dir, topology } = run);
      clientNs = run.client.ns;
      mkdirSync(join(dir, 'server'));
      server = await startNativeServer(cleanup, topology, join(dir, 'server'), {
        kind: 'native',
        // The seed's files, plus an account without a fixed address for the load generator's sessions.
        files: { ...SEED_FILES, chapSecrets: `${SEED_FILES.chapSecrets}load * "${LOAD_USER.password}" *\n` },
        command: applianceOnSeedFiles,
      });
      await startUdpEcho(cleanup, topology.ns.lan, SEED_NET.lanHost, ECHO_PORT, join(dir, 'echo.log'));
    });
    after(async () => {
      const problems = await cleanup.run();
      assert.deepEqual(problems, [], 'everything the test created is gone');
    });

    test('vpn1 logs in: 10.0.0.201 + both DNS over MPPE-128; pings through the TUN both ways; SIGTERM exits 5', async () => {
      const resolv = join(dir, 'resolv.conf');
      const client = startInNamespace(
        cleanup,
        clientNs,
        seedClientArgv(['--route', '10.0.0.0/24', '--resolv', resolv, '--ifname', 'sypptp%d']),
        join(dir, 'client.log'),
      );
      const why = () => `--- client ---\n${client.output()}\n--- server ---\n${server.logs()}`;
      const up = await client
        .waitForLine(TUNNEL_UP, 20_000)
        .catch((error: Error) => assert.fail(`${error.message}\n${why()}`));
      const [, ifname, local, remote, dns, mppe] = up;
      assert.deepEqual(
        { ifname, local, remote, dns, mppe },
        {
          ifname: 'sypptp0',
          local: SEED_EXPECT.clientAddress,
          remote: SEED_EXPECT.serverAddress,
          dns: `${SEED_EXPECT.dns1} ${SEED_EXPECT.dns2}`,
          mppe: '128-bit stateless',
        },
        why(),
      );
      assert.match(client.output(), /authentication succeeded/, why());
      assert.equal(
        readFileSync(resolv, 'utf8')
          .split('\n')
          .filter((l) => l.startsWith('nameserver'))
          .join(','),
        `nameserver ${SEED_EXPECT.dns1},nameserver ${SEED_EXPECT.dns2}`,
      );
      const address = await runIn(clientNs, 'ip', ['-4', 'addr', 'show', 'dev', 'sypptp0']);
      assert.match(address.stdout, /inet 10\.0\.0\.201 peer 10\.0\.0\.254\/32/);

      // Client → LAN host through our TUN and the tunnel; LAN host → client through the server's proxy ARP.
      const out = await runIn(clientNs, 'ping', ['-n', '-c', '5', '-i', '0.2', '-W', '2', SEED_NET.lanHost], {
        allowFail: true,
      });
      assert.match(out.stdout, / 0% packet loss/, `${out.stdout}\n${why()}`);
      const back = await runIn(
        topology.ns.lan,
        'ping',
        ['-n', '-c', '3', '-i', '0.2', '-W', '2', SEED_EXPECT.clientAddress],
        {
          allowFail: true,
        },
      );
      assert.match(back.stdout, / 0% packet loss/, `${back.stdout}\n${why()}`);

      assert.equal(await client.stop('SIGTERM'), 5, why());
      assert.match(client.output(), /Terminating on signal SIGTERM/);
      const end =
        /Connection terminated: shutdown \(signal SIGTERM\), exit 5; connect time [\d.]+ s; sent (\d+) bytes\/(\d+) packets, received (\d+) bytes\/(\d+) packets/.exec(
          client.output(),
        );
      assert.ok(end, why());
      assert.ok(Number(end[2]) >= 8 && Number(end[4]) >= 8, `8 pings and 8 replies at least: ${end[0]}`);
      assert.equal(existsSync(resolv), false, 'the resolv file is restored (it did not exist before)');
      const gone = await runIn(clientNs, 'ip', ['link', 'show', 'sypptp0'], { allowFail: true });
      assert.notEqual(gone.code, 0, 'the TUN device is gone');
      await waitForServerLog(server, /session closed: peer-terminated.*user=vpn1/);
    });

    test('a wrong password ends with exit 19 and the server’s E=691', async () => {
      const r = await runClient(clientNs, [
        '--server',
        SEED_NET.wanServer,
        '--user',
        'vpn1',
        '--password',
        'wrong',
      ]);
      assert.equal(r.code, 19, r.stderr);
      assert.match(r.stderr, /connection failed: auth-failed \(.*E=691.*\), exit 19/);
    });

    test('40-bit MPPE only, against a server that requires 128: mppe-refused, exit 10', async () => {
      const r = await runClient(clientNs, [
        ...['--server', SEED_NET.wanServer, '--user', 'vpn1', '--password', '123456', '--mppe', '40'],
      ]);
      assert.equal(r.code, 10, r.stderr);
      assert.match(
        r.stderr,
        /connection failed: mppe-refused \(MPPE required but peer negotiation failed\), exit 10/,
      );
    });

    test('nothing listening: exit 8 at once', async () => {
      const r = await runClient(clientNs, [
        '--server',
        SEED_NET.wanServer,
        '--server-port',
        '1724',
        '--user',
        'u',
        '--password',
        'p',
      ]);
      assert.equal(r.code, 8, r.stderr);
      assert.match(r.stderr, /connect-failed \(172\.31\.255\.1:1724: ECONNREFUSED\)/);
    });

    test('load: 8 sessions from one process send UDP to the LAN echo and get every packet back', async () => {
      const json = join(dir, 'load.json');
      const r = await runClient(clientNs, [
        'load',
        ...['--server', SEED_NET.wanServer, '--user', LOAD_USER.user, '--password', LOAD_USER.password],
        ...['--sessions', '8', '--concurrency', '4', '--json', json],
        ...['--traffic', 'udp', '--target', SEED_NET.lanHost, '--port', String(ECHO_PORT)],
        ...['--size', '600', '--rate', '50', '--duration', '2', '--hold', '1'],
      ]);
      const report = JSON.parse(readFileSync(json, 'utf8')) as LoadReport;
      const why = `${r.stdout}\n${r.stderr}\n--- server ---\n${server.logs().slice(-3000)}`;
      assert.equal(r.code, 0, why);
      assert.deepEqual(
        report.sessions,
        { requested: 8, established: 8, failed: 0, dropped: 0, skipped: 0 },
        why,
      );
      const addresses = new Set(report.perSession.map((s) => s.localAddress));
      assert.equal(addresses.size, 8, 'every session has its own address');
      for (const a of addresses) assert.match(a ?? '', /^10\.0\.0\.2(0\d|10)$/);
      const t = report.traffic;
      assert.ok(t !== undefined);
      assert.ok(t.sent.packets >= 8 * 80, `about 8 × 50 pps × 2 s sent: ${t.sent.packets}`);
      assert.equal(t.received.packets, t.sent.packets, why);
      assert.equal(t.received.bytes, t.sent.packets * 600);
      assert.equal(t.badChecksums, 0);
      assert.equal(report.teardown.sessionsPerSecond > 0, true);
      assert.match(r.stdout, /sessions: 8\/8 established, 0 failed, 0 dropped/);
    });
  },
);

async function waitForServerLog(server: ServerHandle, pattern: RegExp): Promise<void> {
  for (let i = 0; i < 100 && !pattern.test(server.logs()); i++) await new Promise((r) => setTimeout(r, 50));
  assert.match(server.logs(), pattern);
}
