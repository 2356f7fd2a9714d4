// The plugin's data path on the native key schedules: the same frames as on the pure reference, in every
// mode, through losses and resets; and the plugin hands the native factory to its sessions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createPureMppeKeySchedule } from '@switchyard/crypto';
import { createNativeMppeKeySchedule } from '@switchyard/crypto-native';
import { SeededBytes, rfc3079V2Example } from '@switchyard/crypto/testing';
import { PppProtocol } from '@switchyard/ppp';
import type { Plugin } from '@switchyard/core';
import { testAppliance } from '@switchyard/core/testing';
import { newMppeCounters } from './machine/counters.js';
import { MppeDecryptor } from './machine/decryptor.js';
import { MppeEncryptor, type MppeCipherOptions } from './machine/encryptor.js';
import { nativeKeySchedules } from './native-keys.js';
import { mppeControlToken, mppePlugin } from './plugin.js';

const options = (over: Partial<MppeCipherOptions>): MppeCipherOptions => ({
  startKey: rfc3079V2Example.sendStartKey,
  strength: 128,
  stateless: true,
  counters: newMppeCounters(),
  ...over,
});

test('native and pure schedules give the same frames and decryptions, every strength and mode', () => {
  const random = new SeededBytes(3078);
  for (const strength of [40, 56, 128] as const) {
    for (const stateless of [true, false]) {
      for (const resync of ['linux', 'rfc3078'] as const) {
        const ends = [createPureMppeKeySchedule, createNativeMppeKeySchedule].map((createKeySchedule) => ({
          encryptor: new MppeEncryptor(options({ strength, stateless, resync, createKeySchedule })),
          decryptor: new MppeDecryptor(options({ strength, stateless, resync, createKeySchedule })),
        }));
        for (let n = 0; n < 700; n++) {
          const data = random.bytes(random.int(1, 1400));
          if (n % 97 === 5) for (const end of ends) end.encryptor.reset();
          const [pure, native] = ends.map((end) => end.encryptor.encrypt(PppProtocol.IP, data, 4));
          assert.deepEqual(native, pure, `${strength}-bit stateless=${stateless} ${resync} #${n}`);
          if (n % 50 === 7) continue; // lost on the way: both receivers must resynchronise alike
          const [a, b] = ends.map((end, i) => end.decryptor.decrypt((i === 0 ? pure : native) as Uint8Array));
          assert.deepEqual(b, a, `decrypt ${strength}-bit stateless=${stateless} ${resync} #${n}`);
        }
      }
    }
  }
});

test('the plugin gives its sessions the native schedules; nativeKeySchedules loads the addon', async () => {
  assert.equal(nativeKeySchedules(), createNativeMppeKeySchedule);
  const { appliance } = testAppliance([mppePlugin] as Plugin<never>[], { mppe: { requireMppe128: true } });
  await appliance.start();
  assert.equal(appliance.container.resolve(mppeControlToken).createKeySchedule, createNativeMppeKeySchedule);
  await appliance.stop();
});
