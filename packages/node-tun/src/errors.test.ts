// Error mapping: native errors become NodeTunError with stable codes (STYLE.md §3.7), including the
// ones only an unprivileged process or a host without /dev/net/tun can produce.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { NodeTunError, fromNative } from './errors.js';
import { netnsPath } from './netns.js';
import { isRoot } from './testing/index.js';

const indexUrl = new URL('./index.js', import.meta.url).href;
const asRoot = { skip: isRoot() ? false : 'needs root' };

/** Runs TunDevice.open and RawIpSocket.open in a child and returns [code, errno, syscall] of each. */
function codesOf(command: string, ...args: string[]): unknown {
  const script =
    `const { TunDevice, RawIpSocket } = await import(${JSON.stringify(indexUrl)});` +
    'const result = [];' +
    "for (const open of [() => TunDevice.open({ name: 'synobody' }), () => RawIpSocket.open({ protocol: 47 })]) {" +
    "  try { open().close(); result.push('opened'); } catch (e) { result.push([e.code, e.errno, e.syscall]); }" +
    '}' +
    'console.log(JSON.stringify(result));';
  const output = execFileSync(command, [...args, process.execPath, '--input-type=module', '-e', script], {
    encoding: 'utf8',
  });
  return JSON.parse(output);
}

test('fromNative turns a coded native error into a NodeTunError and leaves others alone', () => {
  const native = Object.assign(new Error('cannot create TUN device'), {
    code: 'SY_ERR_TUN_BUSY',
    errno: 16,
    syscall: 'ioctl(TUNSETIFF)',
  });
  const converted = fromNative(native);
  assert.ok(converted instanceof NodeTunError);
  assert.deepEqual(
    [converted.code, converted.errno, converted.syscall],
    ['SY_ERR_TUN_BUSY', 16, 'ioctl(TUNSETIFF)'],
  );
  assert.equal(converted.message, 'cannot create TUN device');
  const plain = new TypeError('bug');
  assert.equal(fromNative(plain), plain);
  assert.ok(!(fromNative(Object.assign(new Error('x'), { code: 'ENOENT' })) instanceof NodeTunError));
});

test('netnsPath maps names to /run/netns and keeps absolute paths', () => {
  assert.equal(netnsPath(undefined), '');
  assert.equal(netnsPath('sy-tun-1-0'), '/run/netns/sy-tun-1-0');
  assert.equal(netnsPath('/proc/1/ns/net'), '/proc/1/ns/net');
  for (const bad of ['..', 'a/b', 'a b', '']) {
    assert.throws(() => netnsPath(bad), { code: 'SY_ERR_INVALID_ARGUMENT' }, bad);
  }
});

/** Runs codesOf in a private mount namespace whose /dev/net is `setup`, as user nobody if `dropRoot`. */
function codesWithDevNet(setup: string, dropRoot: boolean): unknown[][] {
  const drop = dropRoot ? 'setpriv --reuid=65534 --regid=65534 --clear-groups ' : '';
  const shell = `mount -t tmpfs none /dev/net && ${setup} exec ${drop}"$@"`;
  return codesOf('unshare', '--mount', 'sh', '-c', shell, 'sh') as unknown[][];
}

// Dropping to nobody clears every capability; /dev/net/tun is 0666 on most distributions (the
// TUNSETIFF ioctl refuses) and 0600 on some (open refuses).
test(
  'without CAP_NET_ADMIN: SY_ERR_TUN_PERMISSION from ioctl or open; without CAP_NET_RAW: SY_ERR_RAW_PERMISSION',
  asRoot,
  () => {
    const [tun, raw] = codesWithDevNet('mknod -m 666 /dev/net/tun c 10 200 &&', true);
    assert.deepEqual(tun, ['SY_ERR_TUN_PERMISSION', 1, 'ioctl(TUNSETIFF)']);
    assert.deepEqual(raw, ['SY_ERR_RAW_PERMISSION', 1, 'socket(AF_INET, SOCK_RAW)']);
    const [closedNode] = codesWithDevNet('mknod -m 600 /dev/net/tun c 10 200 &&', true);
    assert.deepEqual(closedNode, ['SY_ERR_TUN_PERMISSION', 13, 'open']);
  },
);

test('without /dev/net/tun: SY_ERR_TUN_UNAVAILABLE', asRoot, () => {
  // An empty /dev/net, as in a container started without the device.
  const [tun] = codesWithDevNet('', false);
  assert.deepEqual(tun, ['SY_ERR_TUN_UNAVAILABLE', 2, 'open']);
});
