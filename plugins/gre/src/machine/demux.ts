// Demultiplexes inbound GRE to calls by (source IPv4 address, our Call ID) — the key Linux pptp.ko
// uses (lookup_chan(call_id, saddr)). The source address matters because several clients behind one
// NAT share it, and a forged packet from elsewhere must not reach a call (anchors §6 #1).
// Allocation-free: keys are numbers, and route() returns the target or a drop reason string.
import { checkGrePacket, greCallId, type GreMalformedReason } from '../codec/gre-packet.js';

export type GreDropReason = 'malformed' | 'unknown-call' | 'wrong-source';

export interface GreDemuxCounters {
  routed: number;
  malformed: number;
  unknownCall: number;
  wrongSource: number;
  /** Malformed packets by reason, for debug logs. */
  readonly malformedBy: Partial<Record<GreMalformedReason, number>>;
}

/** Dotted-quad IPv4 → unsigned 32-bit number. */
export function ipv4ToNumber(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new Error(`not an IPv4 address: ${text}`);
  let value = 0;
  for (const part of parts) {
    const octet = Number(part);
    if (!/^\d{1,3}$/.test(part) || octet > 255) throw new Error(`not an IPv4 address: ${text}`);
    value = value * 256 + octet;
  }
  return value;
}

/** Four bytes (e.g. the source field of an IPv4 header at offset 12) → unsigned 32-bit number. */
export function ipv4FromBytes(bytes: Uint8Array, offset: number): number {
  return (
    (((bytes[offset] as number) << 24) |
      ((bytes[offset + 1] as number) << 16) |
      ((bytes[offset + 2] as number) << 8) |
      (bytes[offset + 3] as number)) >>>
    0
  );
}

export class GreDemux<T> {
  readonly counters: GreDemuxCounters = {
    routed: 0,
    malformed: 0,
    unknownCall: 0,
    wrongSource: 0,
    malformedBy: {},
  };
  private readonly targets = new Map<number, T>();
  /** How many registrations use each Call ID, to tell "wrong source" from "unknown call". */
  private readonly callIds = new Map<number, number>();

  get size(): number {
    return this.targets.size;
  }

  /** Registers a call; a second registration of the same key is a bug and throws. */
  add(sourceIp: number, callId: number, target: T): void {
    const key = sourceIp * 0x10000 + callId;
    if (this.targets.has(key))
      throw new Error(`gre demux: call ${callId} from ${sourceIp} already registered`);
    this.targets.set(key, target);
    this.callIds.set(callId, (this.callIds.get(callId) ?? 0) + 1);
  }

  remove(sourceIp: number, callId: number): boolean {
    if (!this.targets.delete(sourceIp * 0x10000 + callId)) return false;
    const left = (this.callIds.get(callId) ?? 1) - 1;
    if (left === 0) this.callIds.delete(callId);
    else this.callIds.set(callId, left);
    return true;
  }

  /** Validates and routes one GRE packet (the IP payload); drops are counted by reason. */
  route(sourceIp: number, packet: Uint8Array): T | GreDropReason {
    const malformed = checkGrePacket(packet);
    if (malformed !== undefined) {
      this.counters.malformed++;
      this.counters.malformedBy[malformed] = (this.counters.malformedBy[malformed] ?? 0) + 1;
      return 'malformed';
    }
    const callId = greCallId(packet);
    const target = this.targets.get(sourceIp * 0x10000 + callId);
    if (target !== undefined) {
      this.counters.routed++;
      return target;
    }
    if (this.callIds.has(callId)) {
      this.counters.wrongSource++;
      return 'wrong-source';
    }
    this.counters.unknownCall++;
    return 'unknown-call';
  }
}
