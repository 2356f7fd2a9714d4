// One session's port on the shared TUN device: its host route's lifetime, its counters, and the
// write of the session's IP packets into the kernel.
import type { PacketPort, PacketRoute } from '@switchyard/core';
import type { TunDevice } from '@switchyard/node-tun';
import { newPortCounters, type DispatchTarget, type PortCounters } from '../machine/dispatcher.js';

/** What a port needs from the sink that made it. */
export interface PortOwner {
  /** Removes the port's dispatch entry and host route; called once, by close(). */
  release(port: TunPort): void;
}

export class TunPort implements PacketPort, DispatchTarget {
  readonly counters: PortCounters = newPortCounters();
  private open = true;

  constructor(
    /** The peer's address as a host-order uint32 (the dispatch key). */
    readonly address: number,
    /** The MTU put on the host route (the route's, capped at the device's). */
    readonly mtu: number,
    private readonly route: PacketRoute,
    private readonly device: TunDevice,
    private readonly owner: PortOwner,
  ) {}

  get closed(): boolean {
    return !this.open;
  }

  /**
   * Gets a view into the device's read slab, valid only during the call: the next wakeup overwrites
   * it. The PPP layer frames (and MPPE encrypts) into a new buffer before returning, so no copy here.
   */
  deliver(packet: Uint8Array): void {
    this.route.deliver(packet);
  }

  /** Writes one IP packet into the kernel. Never throws; failures are counted (oversize included: the
   * kernel, not this port, answers a packet above the route MTU with ICMP when it forwards it). */
  send(packet: Uint8Array): void {
    const counters = this.counters;
    if (this.open) {
      try {
        if (this.device.write(packet)) {
          counters.sentPackets++;
          counters.sentBytes += packet.length;
          return;
        }
      } catch {
        // SY_ERR_CLOSED once the device is gone: counted below like any refused write.
      }
    }
    counters.sendFailures++;
  }

  /** Removes the route and stops delivery; idempotent. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.owner.release(this);
  }

  /** Marks the port closed without touching the kernel (the device is closing and takes its routes). */
  detach(): void {
    this.open = false;
  }
}
