// Generated UDP for the load generator: every session sends IPv4/UDP packets from its own address to the
// target at its own pace, and counts what comes back (an echoing target's replies) and anything else.
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from '@switchyard/core';
import type { PptpClientSession } from '../client-session.js';
import { parseIpv4 } from '../codec/ipv4.js';
import { UdpPacketStamp, readUdpPacket } from '../codec/udp-packet.js';
import type { SessionTraffic, TrafficSpec } from '../machine/load-report.js';
import { Pacer } from '../machine/pacer.js';

export interface TrafficParticipant {
  readonly index: number;
  readonly session: PptpClientSession;
}

/** Packets a session may send in one turn of the loop at `max` (the rest of the turn lets replies in). */
const MAX_BURST = 8;
/** How long replies still in flight are waited for after the last packet. */
const DRAIN_MS = 500;

export function newSessionTraffic(): SessionTraffic {
  return {
    sentPackets: 0,
    sentBytes: 0,
    refused: 0,
    receivedPackets: 0,
    receivedBytes: 0,
    otherPackets: 0,
    badChecksums: 0,
  };
}

/** Runs the traffic phase; fills each participant's counters in `traffic` and returns its duration. */
export async function runTraffic(
  participants: readonly TrafficParticipant[],
  traffic: ReadonlyMap<number, SessionTraffic>,
  spec: TrafficSpec,
  clock: Clock,
  signal?: AbortSignal,
): Promise<number> {
  const target = parseIpv4(spec.target);
  if (target === undefined) throw new RangeError(`traffic target ${spec.target} is not an IPv4 address`);
  const burst = spec.rate === 'max' ? MAX_BURST : Math.max(1, Math.ceil(spec.rate / 20));
  const start = clock.now();
  // Paced sessions start spread over one interval rather than all at once: N sessions then send a
  // steady stream, not N-packet bursts that only measure queue sizes.
  const stagger = (i: number) => (spec.rate === 'max' ? 0 : (i / participants.length) * (1000 / spec.rate));
  const lanes = participants.flatMap((p, i) => {
    const counters = traffic.get(p.index) as SessionTraffic;
    const source = parseIpv4(p.session.localAddress) as number;
    if (spec.sizeBytes > p.session.mtu) {
      counters.skipped = `packet size ${spec.sizeBytes} exceeds the session MTU ${p.session.mtu}`;
      return [];
    }
    const sourcePort = 10_000 + (p.index % 50_000);
    const subscription = p.session.ipPackets$.subscribe((packet) => {
      const info = readUdpPacket(packet);
      if (info && info.source === target && info.sourcePort === spec.port && info.destination === source) {
        counters.receivedPackets++;
        counters.receivedBytes += info.totalBytes;
        if (!info.checksumsOk) counters.badChecksums++;
      } else {
        counters.otherPackets++;
      }
    });
    return [
      {
        p,
        counters,
        subscription,
        sequence: 0,
        // One packet per lane, re-stamped for each send: sendIp reads it during the call (MPPE encrypts it
        // into its own buffer), so the generator allocates nothing and never re-sums the payload.
        stamp: new UdpPacketStamp({
          source,
          destination: target,
          sourcePort,
          destinationPort: spec.port,
          totalBytes: spec.sizeBytes,
          session: p.index,
        }),
        pacer: new Pacer(spec.rate, start + stagger(i), burst),
      },
    ];
  });
  const stopAt = start + spec.durationSeconds * 1000;
  while (clock.now() < stopAt && !signal?.aborted) {
    const now = clock.now();
    let waitMs = 50;
    for (const lane of lanes) {
      if (!lane.p.session.session.isOpen) continue;
      const due = lane.pacer.due(now);
      for (let i = 0; i < due; i++) {
        const packet = lane.stamp.stamp(lane.sequence++);
        if (lane.p.session.sendIp(packet)) {
          lane.counters.sentPackets++;
          lane.counters.sentBytes += packet.length;
        } else {
          lane.counters.refused++;
        }
      }
      lane.pacer.record(due);
      waitMs = Math.min(waitMs, lane.pacer.waitMs(now));
    }
    // At `max`, one turn of the event loop between bursts (GRE replies are read in it); otherwise sleep
    // until the next packet is due, at least 1 ms so timers stay coarse.
    if (spec.rate === 'max') await nextTurn();
    else await sleep(Math.max(1, waitMs));
  }
  const durationMs = clock.now() - start;
  if (!signal?.aborted) await sleep(DRAIN_MS);
  for (const lane of lanes) lane.subscription.unsubscribe();
  return durationMs;
}
