// pppd's ip-pre-up / ip-up / ip-down from the real appliance (root): switchyard-pptpd in the server
// namespace with the seed's pptpd.conf and an options file naming temporary scripts, our client in a
// client namespace. Each script writes its argv, environment and the host route it sees to a file; the
// test checks pppd's arguments and variables, that ip-pre-up runs before the route exists and ip-up
// after, that ip-down waits for a slow ip-up, and that stopping the appliance runs ip-down too.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Cleanup } from '../../interop/cleanup.js';
import { waitFor } from '../../interop/exec.js';
import { startNativeServer } from '../../interop/native-server.js';
import { SEED_EXPECT, SEED_FILES } from '../../interop/seed-config.js';
import type { ServerHandle } from '../../interop/server-handle.js';
import type { SeedTopology } from '../../interop/topology.js';
import {
  applianceOnSeedFiles,
  seedClientArgv,
  seedRunWithOneClient,
  startInNamespace,
} from '../pptp-client/processes.js';

const isRoot = process.getuid?.() === 0;
const TUNNEL_UP = /tunnel up: /;

/** A script that records what it was given; ip-up also takes 1.5 s, so a quick hang-up overlaps it. */
function recorder(out: string, name: string, slow: boolean): string {
  return [
    '#!/bin/sh',
    `f=$(mktemp ${out}/${name}.XXXXXX)`,
    // What it sees first, then "start": the test hangs up on "start" and must not race the route check.
    '{ for a in "$0" "$@"; do echo "arg=$a"; done; env | sort | sed "s/^/env=/";',
    '  echo "route=$(ip -4 -o route show "$5" | head -1)"; } > "$f"',
    `echo "${name} start $5" >> ${out}/order`,
    slow ? 'sleep 1.5' : '',
    `echo "${name} end $5" >> ${out}/order`,
    '',
  ].join('\n');
}

interface Seen {
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly route: string;
}

function seen(out: string, name: string): Seen[] {
  return readdirSync(out)
    .filter((f) => f.startsWith(`${name}.`))
    .map((f) => {
      const lines = readFileSync(join(out, f), 'utf8').split('\n');
      const env: Record<string, string> = {};
      for (const l of lines.filter((l) => l.startsWith('env='))) {
        const eq = l.indexOf('=', 4);
        env[l.slice(4, eq)] = l.slice(eq + 1);
      }
      return {
        args: lines.filter((l) => l.startsWith('arg=')).map((l) => l.slice(4)),
        env,
        route: lines.find((l) => l.startsWith('route='))?.slice(6) ?? '',
      };
    });
}

describe(
  'ip-pre-up, ip-up and ip-down scripts of the appliance',
  { skip: isRoot ? false : 'needs root', timeout: 120_000 },
  () => {
    const cleanup = new Cleanup();
    let dir = '';
    let out = '';
    let topology: SeedTopology;
    let server: ServerHandle;
    let clientNs = '';
    let clientAddress = '';

    before(async () => {
      const run = await seedRunWithOneClient(cleanup);
      ({ dir, topology } = run);
      clientNs = run.client.ns;
      clientAddress = run.client.address;
      out = join(dir, 'out');
      mkdirSync(out);
      for (const name of ['ip-pre-up', 'ip-up', 'ip-down']) {
        writeFileSync(join(dir, name), recorder(out, name, name === 'ip-up'));
        chmodSync(join(dir, name), 0o755);
      }
      const options = [
        SEED_FILES.optionsPptpd.trimEnd(),
        `ip-pre-up-script ${dir}/ip-pre-up`,
        `ip-up-script ${dir}/ip-up`,
        `ip-down-script ${dir}/ip-down`,
        'set SITE=berlin',
        '',
      ].join('\n');
      mkdirSync(join(dir, 'server'));
      server = await startNativeServer(cleanup, topology, join(dir, 'server'), {
        kind: 'native',
        files: { ...SEED_FILES, optionsPptpd: options },
        command: applianceOnSeedFiles,
      });
    });
    after(async () => {
      const problems = await cleanup.run();
      assert.deepEqual(problems, [], 'everything the test created is gone');
    });

    const connect = async (name: string) => {
      const client = startInNamespace(
        cleanup,
        clientNs,
        seedClientArgv(['--ifname', 'sypptp%d']),
        join(dir, `${name}.log`),
      );
      await client
        .waitForLine(TUNNEL_UP, 20_000)
        .catch((error: Error) => assert.fail(`${error.message}\n--- server ---\n${server.logs()}`));
      return client;
    };
    const order = () =>
      existsSync(join(out, 'order')) ? readFileSync(join(out, 'order'), 'utf8').trim().split('\n') : [];
    const waitForOrder = (line: string) =>
      waitFor(`'${line}' in the scripts' log`, () => (order().includes(line) ? true : undefined), {
        timeoutMs: 15_000,
        intervalMs: 50,
      }).catch((error: Error) => assert.fail(`${error.message}\n${order().join('\n')}\n${server.logs()}`));

    test("pppd's arguments and variables; pre-up before the route, up after it; ip-down waits for a slow ip-up", async () => {
      const peer = SEED_EXPECT.clientAddress;
      const client = await connect('client-1');
      await waitForOrder(`ip-up start ${peer}`);
      assert.equal(await client.stop('SIGTERM'), 5); // hangs up while ip-up still sleeps
      await waitForOrder(`ip-down end ${peer}`);
      assert.deepEqual(order(), [
        `ip-pre-up start ${peer}`,
        `ip-pre-up end ${peer}`,
        `ip-up start ${peer}`,
        `ip-up end ${peer}`,
        `ip-down start ${peer}`,
        `ip-down end ${peer}`,
      ]);
      const [preUp] = seen(out, 'ip-pre-up');
      const [up] = seen(out, 'ip-up');
      const [down] = seen(out, 'ip-down');
      assert.ok(preUp && up && down);
      const args = ['sy-pptp0', 'none', '115200', SEED_EXPECT.serverAddress, peer, clientAddress];
      assert.deepEqual(up.args, [join(dir, 'ip-up'), ...args], 'interface tty speed local remote ipparam');
      assert.deepEqual(preUp.args.slice(1), args);
      assert.deepEqual(down.args.slice(1), args);
      assert.equal(preUp.route, '', 'ip-pre-up runs before the route to the client exists');
      assert.match(up.route, new RegExp(`^${peer.replace(/\./g, '\\.')} dev sy-pptp0`));
      assert.equal(down.route, '', 'ip-down runs after the route is gone');
      const { PWD: _pwd, SHLVL: _shlvl, _: _underscore, ...env } = up.env;
      assert.deepEqual(env, {
        DEVICE: 'none',
        IFNAME: 'sy-pptp0',
        IPLOCAL: SEED_EXPECT.serverAddress,
        IPREMOTE: peer,
        ORIG_UID: '0',
        PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        PEERNAME: SEED_EXPECT.user,
        PPPLOGNAME: 'root',
        SITE: 'berlin',
        SPEED: '115200',
      });
      assert.match(down.env.CONNECT_TIME ?? '', /^\d+$/);
      assert.match(`${down.env.BYTES_SENT} ${down.env.BYTES_RCVD}`, /^\d+ \d+$/, JSON.stringify(down.env));
      assert.equal(up.env.CONNECT_TIME, undefined, 'pppd sets the link figures for ip-down only');
    });

    test('stopping the appliance runs ip-down for a session that had ip-up', async () => {
      await connect('client-2');
      const peer = SEED_EXPECT.clientAddress;
      await waitForOrder(`ip-up end ${peer}`);
      const before = seen(out, 'ip-down').length;
      await server.stop();
      assert.equal(seen(out, 'ip-down').length, before + 1, `${order().join('\n')}\n${server.logs()}`);
      assert.equal(order().at(-1), `ip-down end ${peer}`);
      assert.match(server.logs(), /ip-up script .*\/ip-up/);
    });
  },
);
