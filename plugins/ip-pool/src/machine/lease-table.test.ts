import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Lease } from '@switchyard/core';
import { LeaseTable, type Allocation } from './lease-table.js';
import { pairSlots } from './slots.js';
import { parseIpRanges } from '../codec/ip-ranges.js';

const expand = (spec: string) => {
  const parsed = parseIpRanges(spec, '/remoteip');
  assert.ok(parsed.ok);
  return parsed.addresses;
};
/** The seed's pptpd.conf: localip 10.0.0.254, remoteip 10.0.0.200-210. */
const seedTable = () => new LeaseTable(pairSlots(expand('10.0.0.200-210'), ['10.0.0.254']).slots);
const leased = (allocation: Allocation): Lease => {
  assert.equal(allocation.kind, 'leased', JSON.stringify(allocation));
  return (allocation as { lease: Lease }).lease;
};

test('sessions get the lowest free pool address, with the shared localip (pptpd: first free slot)', () => {
  const table = seedTable();
  assert.deepEqual(leased(table.allocate({ sessionId: 1 })), {
    address: '10.0.0.200',
    sessionId: 1,
    local: '10.0.0.254',
  });
  assert.equal(leased(table.allocate({ sessionId: 2, allowed: ['*'] })).address, '10.0.0.201');
  assert.equal(table.inUse, 2);
});

test('one lease per session: allocating again returns the same lease, not a second address', () => {
  const table = seedTable();
  const first = table.allocate({ sessionId: 7 });
  const again = table.allocate({ sessionId: 7, requested: '10.0.0.209' });
  assert.equal(leased(again), leased(first));
  assert.deepEqual(
    [again.kind === 'leased' && again.fresh, again.kind === 'leased' && again.how],
    [false, 'existing'],
  );
  assert.equal(table.inUse, 1);
});

test('the seed user vpn1 (chap-secrets IP 10.0.0.201) gets exactly that address', () => {
  const table = seedTable();
  leased(table.allocate({ sessionId: 1 }));
  const vpn1 = table.allocate({ sessionId: 2, user: 'vpn1', allowed: ['10.0.0.201'] });
  assert.equal(leased(vpn1).address, '10.0.0.201');
  assert.equal(leased(table.allocate({ sessionId: 3 })).address, '10.0.0.202', 'dynamic users skip it');
});

test('a static address outside remoteip is given, as pppd does, and still takes a connection slot', () => {
  const table = new LeaseTable(pairSlots(expand('10.0.0.200-201'), ['10.0.0.254']).slots);
  const outsider = table.allocate({ sessionId: 1, allowed: ['192.168.50.5'] });
  assert.deepEqual(leased(outsider), { address: '192.168.50.5', sessionId: 1, local: '10.0.0.254' });
  assert.equal(outsider.kind === 'leased' && outsider.how, 'static');
  assert.equal(
    leased(table.allocate({ sessionId: 2 })).address,
    '10.0.0.201',
    'slot 0 is taken by the outsider',
  );
  assert.deepEqual(table.allocate({ sessionId: 3 }), { kind: 'exhausted', reservedForOthers: 0 });
});

test('a user whose static address is taken gets none (pppd would hand it out twice)', () => {
  const table = seedTable();
  leased(table.allocate({ sessionId: 1, user: 'vpn1', allowed: ['10.0.0.201'] }));
  const second = table.allocate({ sessionId: 2, user: 'vpn1', allowed: ['10.0.0.201'] });
  assert.equal(second.kind, 'refused');
  assert.match((second as { reason: string }).reason, /10\.0\.0\.201 is in use by session 1/);
});

test("'-' (or chap-secrets without an IP column) gets no address", () => {
  const result = seedTable().allocate({ sessionId: 1, allowed: ['-'] });
  assert.equal(result.kind, 'refused');
  assert.match((result as { reason: string }).reason, /no address is allowed/);
});

test('a requested address is honoured when free and allowed, otherwise the pool decides', () => {
  const table = seedTable();
  assert.equal(leased(table.allocate({ sessionId: 1, requested: '10.0.0.205' })).address, '10.0.0.205');
  assert.equal(
    leased(table.allocate({ sessionId: 2, requested: '10.0.0.205' })).address,
    '10.0.0.200',
    'taken',
  );
  assert.equal(
    leased(table.allocate({ sessionId: 3, requested: '0.0.0.0' })).address,
    '10.0.0.201',
    'Windows',
  );
  assert.equal(
    leased(table.allocate({ sessionId: 4, requested: '192.0.2.1' })).address,
    '10.0.0.202',
    'not ours',
  );
  const notAllowed = table.allocate({
    sessionId: 5,
    allowed: ['!10.0.0.207', '10.0.0.0/24'],
    requested: '10.0.0.207',
  });
  assert.equal(leased(notAllowed).address, '10.0.0.203');
  assert.equal(leased(table.allocate({ sessionId: 6, requested: 'garbage' })).address, '10.0.0.204');
});

test('outside the pool, only an explicitly allowed requested address is honoured; * is not enough', () => {
  const table = seedTable();
  assert.equal(
    leased(table.allocate({ sessionId: 1, allowed: ['*'], requested: '10.9.9.9' })).address,
    '10.0.0.200',
  );
  const subnet = table.allocate({ sessionId: 2, allowed: ['10.9.0.0/16'], requested: '10.9.9.9' });
  assert.deepEqual(leased(subnet), { address: '10.9.9.9', sessionId: 2, local: '10.0.0.254' });
});

test('a subnet-restricted user draws from its part of the pool, and that part can run out', () => {
  const table = seedTable();
  const allowed = ['10.0.0.208/30']; // .208-.211: .208, .209, .210 are in the pool
  assert.deepEqual(
    [1, 2, 3].map((sessionId) => leased(table.allocate({ sessionId, allowed })).address),
    ['10.0.0.208', '10.0.0.209', '10.0.0.210'],
  );
  assert.deepEqual(table.allocate({ sessionId: 4, allowed }), { kind: 'exhausted', reservedForOthers: 0 });
  const elsewhere = table.allocate({ sessionId: 5, allowed: ['172.16.0.0/12'] });
  assert.equal(elsewhere.kind, 'refused');
  assert.match((elsewhere as { reason: string }).reason, /none of the addresses allowed.*in the pool/);
});

test('an exhausted pool answers exhausted, and a release makes room again', () => {
  const table = new LeaseTable(pairSlots(['10.0.0.1', '10.0.0.2'], ['10.0.0.254']).slots);
  const a = leased(table.allocate({ sessionId: 1 }));
  leased(table.allocate({ sessionId: 2 }));
  assert.deepEqual(table.allocate({ sessionId: 3 }), { kind: 'exhausted', reservedForOthers: 0 });
  assert.equal(table.release(a), true);
  assert.equal(leased(table.allocate({ sessionId: 3 })).address, '10.0.0.1');
});

test('release is idempotent and ignores stale or foreign leases', () => {
  const table = seedTable();
  const lease = leased(table.allocate({ sessionId: 1 }));
  assert.equal(table.release({ address: '10.0.0.209', sessionId: 1 }), false, 'not the address it holds');
  assert.equal(table.release({ address: '10.0.0.200', sessionId: 99 }), false, 'not its session');
  assert.equal(table.release(lease), true);
  assert.equal(table.release(lease), false);
  assert.deepEqual(table.leases(), []);
});

test('with a localip list each lease carries the local address paired with its slot', () => {
  const slots = pairSlots(
    expand('192.168.1.234-238,192.168.1.245'),
    expand('192.168.0.234-238,192.168.0.245'),
  ).slots;
  const table = new LeaseTable(slots);
  leased(table.allocate({ sessionId: 1 }));
  assert.deepEqual(leased(table.allocate({ sessionId: 2, requested: '192.168.1.245' })), {
    address: '192.168.1.245',
    sessionId: 2,
    local: '192.168.0.245',
  });
  const outsider = leased(table.allocate({ sessionId: 3, allowed: ['10.1.1.1'] }));
  assert.deepEqual(
    outsider,
    { address: '10.1.1.1', sessionId: 3, local: '192.168.0.235' },
    'first free slot',
  );
});

test('a static loopback address is refused with the reason', () => {
  const result = seedTable().allocate({ sessionId: 1, allowed: ['127.0.0.1'] });
  assert.equal(result.kind, 'refused');
  assert.match((result as { reason: string }).reason, /loopback/);
});

test('an address chap-secrets fixes for a user is kept for that user: others skip it, even when they ask for it', () => {
  const table = new LeaseTable(pairSlots(expand('10.0.0.200-202'), ['10.0.0.254']).slots);
  // vpn1's line: `vpn1 Nanu-VPN "123456" 10.0.0.201`, inside remoteip (the seed's how-to).
  const reservationOf = (address: string) => (address === '10.0.0.201' ? 'vpn1' : undefined);
  const a = table.allocate({ sessionId: 1, user: 'guest', allowed: ['*'] }, reservationOf);
  const b = table.allocate({ sessionId: 2, user: 'guest2', allowed: ['*'] }, reservationOf);
  assert.deepEqual([leased(a).address, leased(b).address], ['10.0.0.200', '10.0.0.202'], '.201 skipped');
  const asked = table.allocate(
    { sessionId: 3, user: 'guest3', allowed: ['*'], requested: '10.0.0.201' },
    reservationOf,
  );
  assert.deepEqual(asked, { kind: 'exhausted', reservedForOthers: 1 }, 'not even on request');
  const owner = table.allocate({ sessionId: 4, user: 'vpn1', allowed: ['10.0.0.201'] }, reservationOf);
  assert.equal(leased(owner).address, '10.0.0.201', 'its owner gets it');
  // Without the reservation (pptpd, pppd) the first dynamic session would have taken .201 from vpn1's
  // reach by the third allocation; the same order with no reservations shows it.
  const plain = new LeaseTable(pairSlots(expand('10.0.0.200-202'), ['10.0.0.254']).slots);
  plain.allocate({ sessionId: 1, user: 'guest', allowed: ['*'] });
  assert.equal(
    leased(plain.allocate({ sessionId: 2, user: 'guest2', allowed: ['*'] })).address,
    '10.0.0.201',
  );
});
