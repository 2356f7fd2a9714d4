// Hands each packet the kernel routed into the TUN device to the session that owns its IPv4
// destination. One map lookup per packet on a number key; the only allocation is the view deliver
// receives. Malformed, IPv6 and unowned packets are dropped and counted (STYLE.md §3.7).
import { Ipv4Malformed, ipv4Destination, ipv4PacketLength } from '../codec/ipv4-header.js';

/** Per-session counters, kept on the port for `show sessions` and the session's down line. */
export interface PortCounters {
  /** Packets from the kernel handed to the session (towards the peer). */
  deliveredPackets: number;
  deliveredBytes: number;
  /** Packets from the session written to the kernel. */
  sentPackets: number;
  sentBytes: number;
  /** Writes the kernel refused or dropped (queue full, device gone), and sends after close. */
  sendFailures: number;
  /** Times `deliver` threw (a bug upstream; the batch goes on). */
  deliverErrors: number;
}

export function newPortCounters(): PortCounters {
  return {
    deliveredPackets: 0,
    deliveredBytes: 0,
    sentPackets: 0,
    sentBytes: 0,
    sendFailures: 0,
    deliverErrors: 0,
  };
}

/** Drops and deliveries over the whole device. */
export interface DispatchCounters {
  packets: number;
  deliveredPackets: number;
  deliveredBytes: number;
  /** Not a valid IPv4 packet (truncated, bad version, IHL or Total Length). */
  malformed: number;
  ipv6: number;
  /** IPv4 to an address no open port owns (e.g. just after a session closed). */
  unknownDestination: number;
  deliverErrors: number;
}

/** What a port looks like to the dispatcher. */
export interface DispatchTarget {
  readonly counters: PortCounters;
  /** Gets a view into the read batch that is valid only during the call. */
  deliver(packet: Uint8Array): void;
}

/** The read batch's shape (node-tun's PackedPackets), restated so this file stays free of I/O imports. */
export interface PacketRun {
  readonly buffer: Uint8Array;
  readonly offsets: Uint32Array;
  readonly lengths: Uint32Array;
  readonly count: number;
}

/** Why a packet was dropped, for debug logs (undefined when delivered). */
export type DropReason = 'malformed' | 'ipv6' | 'unknown-destination' | 'deliver-error';

export class PacketDispatcher<T extends DispatchTarget> {
  readonly counters: DispatchCounters = {
    packets: 0,
    deliveredPackets: 0,
    deliveredBytes: 0,
    malformed: 0,
    ipv6: 0,
    unknownDestination: 0,
    deliverErrors: 0,
  };
  private readonly targets = new Map<number, T>();

  constructor(private readonly onDrop?: (reason: DropReason, packet: Uint8Array, detail?: unknown) => void) {}

  get size(): number {
    return this.targets.size;
  }

  has(address: number): boolean {
    return this.targets.has(address);
  }

  add(address: number, target: T): void {
    if (this.targets.has(address)) throw new Error(`tun: ${address} is already dispatched`);
    this.targets.set(address, target);
  }

  /** Removes `address` only if it still belongs to `target` (a late close must not evict a successor). */
  remove(address: number, target: T): void {
    if (this.targets.get(address) === target) this.targets.delete(address);
  }

  values(): IterableIterator<T> {
    return this.targets.values();
  }

  dispatchBatch(run: PacketRun): void {
    const { buffer, offsets, lengths, count } = run;
    for (let i = 0; i < count; i++) this.dispatch(buffer, offsets[i] as number, lengths[i] as number);
  }

  dispatch(bytes: Uint8Array, offset: number, length: number): void {
    const counters = this.counters;
    counters.packets++;
    const total = ipv4PacketLength(bytes, offset, length);
    if (total < 0) {
      if (total === Ipv4Malformed.ipv6) counters.ipv6++;
      else counters.malformed++;
      this.onDrop?.(
        total === Ipv4Malformed.ipv6 ? 'ipv6' : 'malformed',
        bytes.subarray(offset, offset + length),
      );
      return;
    }
    const target = this.targets.get(ipv4Destination(bytes, offset));
    if (target === undefined) {
      counters.unknownDestination++;
      this.onDrop?.('unknown-destination', bytes.subarray(offset, offset + length));
      return;
    }
    const packet = new Uint8Array(bytes.buffer, bytes.byteOffset + offset, total);
    try {
      target.deliver(packet);
    } catch (error) {
      counters.deliverErrors++;
      target.counters.deliverErrors++;
      this.onDrop?.('deliver-error', packet, error);
      return;
    }
    counters.deliveredPackets++;
    counters.deliveredBytes += total;
    target.counters.deliveredPackets++;
    target.counters.deliveredBytes += total;
  }
}
