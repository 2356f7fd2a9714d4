import { test } from 'node:test';
import assert from 'node:assert/strict';
import { duplicateAddresses, parseIpRanges } from './ip-ranges.js';

const addresses = (spec: string) => {
  const parsed = parseIpRanges(spec, '/remoteip');
  assert.ok(parsed.ok, JSON.stringify(parsed));
  return parsed.addresses;
};
const reasons = (spec: string) => {
  const parsed = parseIpRanges(spec, '/remoteip');
  assert.ok(!parsed.ok, `${spec} should be refused`);
  return parsed.problems.map((p) => `${String(p.value)}: ${p.reason}`);
};
const seq = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

test('the seed remoteip 10.0.0.200-210 is eleven addresses, the end being the last octet only', () => {
  assert.deepEqual(addresses('10.0.0.200-210'), seq('10.0.0.', 200, 210));
});

test('the seed says 10.0.0.200-208,10.0.0.209,10.0.0.210 is the same pool', () => {
  assert.deepEqual(addresses('10.0.0.200-208,10.0.0.209,10.0.0.210'), addresses('10.0.0.200-210'));
});

test('single addresses, several ranges and the samples/pptpd.conf forms keep their order', () => {
  assert.deepEqual(addresses('10.0.0.254'), ['10.0.0.254']);
  assert.deepEqual(addresses('192.168.0.234-238,192.168.0.245'), [
    ...seq('192.168.0.', 234, 238),
    '192.168.0.245',
  ]);
  assert.deepEqual(addresses('192.168.0.234,192.168.0.245-249,192.168.0.254'), [
    '192.168.0.234',
    ...seq('192.168.0.', 245, 249),
    '192.168.0.254',
  ]);
  assert.deepEqual(addresses('10.1.0.5-6,10.2.0.1-2'), ['10.1.0.5', '10.1.0.6', '10.2.0.1', '10.2.0.2']);
  assert.deepEqual(addresses('10.0.0.7-7'), ['10.0.0.7']);
});

test('the dash may sit in any octet (pptpd.conf.5: 192.168.0-255.2)', () => {
  const third = addresses('192.168.0-255.2');
  assert.equal(third.length, 256);
  assert.deepEqual(third.slice(0, 2), ['192.168.0.2', '192.168.1.2']);
  assert.equal(third.at(-1), '192.168.255.2');
  assert.deepEqual(addresses('10-11.0.0.1'), ['10.0.0.1', '11.0.0.1']);
  assert.deepEqual(addresses('10.3-4.0.1'), ['10.3.0.1', '10.4.0.1']);
});

test('blanks around the whole value are trimmed, as pptpd trims config values', () => {
  assert.deepEqual(addresses('  10.0.0.1,10.0.0.2 \t'), ['10.0.0.1', '10.0.0.2']);
});

test('no shortcuts: 234-8 runs backwards and is refused, with the range that was meant', () => {
  const [reason] = reasons('192.168.0.234-8');
  assert.match(reason ?? '', /runs backwards.*no shortcuts.*write 234-238/);
});

test('a whole end address is refused with the right spelling', () => {
  const [reason] = reasons('10.0.0.200-10.0.0.210');
  assert.match(reason ?? '', /end of a range is one octet.*write 10\.0\.0\.200-210/);
});

test('what pptpd refuses (it exits) is refused, every problem reported with the item', () => {
  const problems = reasons('10.0.0.1, 10.0.0.2,,10.0.0.1-2-3,vpn.example.com,10.0.0.256,10.0.0.010,10.0.0,');
  assert.equal(problems.length, 8, problems.join('\n'));
  assert.match(problems[0] ?? '', /^ 10\.0\.0\.2: spaces are not allowed/);
  assert.match(problems[1] ?? '', /^: empty item/);
  assert.match(problems[2] ?? '', /more than one '-'/);
  assert.match(problems[3] ?? '', /host name/);
  assert.match(problems[4] ?? '', /256 is above 255/);
  assert.match(problems[5] ?? '', /leading zero/);
  assert.match(problems[6] ?? '', /not an IPv4 address/);
  assert.match(problems[7] ?? '', /empty item/);
});

test('malformed ranges say what a range looks like', () => {
  assert.match(reasons('10.0.200-210')[0] ?? '', /four octets/);
  assert.match(reasons('10.0.0.200-')[0] ?? '', /range end/);
  assert.match(reasons('10.0.0.-5')[0] ?? '', /range start/);
  assert.match(reasons('10.0.0.200-300')[0] ?? '', /300 is above 255/);
});

test('addresses pppd will not give a peer are refused (loopback, multicast, 0.0.0.0)', () => {
  assert.match(reasons('127.0.0.1')[0] ?? '', /loopback/);
  assert.match(reasons('223.255.255.255,224.0.0.1-3')[0] ?? '', /224\.0\.0\.1.*multicast/);
  assert.match(reasons('0.0.0.0')[0] ?? '', /no address/);
  assert.match(reasons('   ')[0] ?? '', /no addresses given/);
});

test('problems carry the field path and the offending item as value', () => {
  const parsed = parseIpRanges('10.0.0.1,10.0.0.999', '/localip');
  assert.ok(!parsed.ok);
  assert.deepEqual(
    parsed.problems.map((p) => [p.path, p.value]),
    [['/localip', '10.0.0.999']],
  );
});

test('duplicates are found once each, in order', () => {
  assert.deepEqual(duplicateAddresses(addresses('10.0.0.1-3,10.0.0.2,10.0.0.3,10.0.0.2')), [
    '10.0.0.2',
    '10.0.0.3',
  ]);
  assert.deepEqual(duplicateAddresses(addresses('10.0.0.1-3')), []);
});
