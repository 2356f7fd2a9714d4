// The appliance's PacketSink: ONE TUN device for every session, plus a /32 host route per session
// carrying that session's MTU. pppd makes an interface per session (ppp0…pppN); at 10,000 sessions that
// is 10,000 netdevices, fds and poll registrations. Here it is one fd, one uv_poll and batched reads, and a
// session costs a route (a FIB entry) and a Map entry; the kernel still does all routing, forwarding,
// fragmentation and ICMP "fragmentation needed" against each route's MTU. Only io/ touches the
// device: this file opens and closes it and its routes, tun-port.ts writes to it.
import {
  SwitchyardError,
  type Logger,
  type PacketPort,
  type PacketRoute,
  type PacketSink,
} from '@switchyard/core';
import { NodeTunError, TunDevice, addRoute, deleteRoute } from '@switchyard/node-tun';
import { DEFAULT_TX_QUEUE_LENGTH, type TunConfig } from '../config.js';
import { formatIpv4Address, ipv4Destination, parseIpv4Address } from '../codec/ipv4-header.js';
import {
  PacketDispatcher,
  newPortCounters,
  type DropReason,
  type PortCounters,
} from '../machine/dispatcher.js';
import { TunPort, type PortOwner } from './tun-port.js';

export interface TunSinkOptions {
  readonly config: TunConfig;
  readonly logger: Logger;
}

/** Totals of the sink: dispatch drops, every port's counters (closed ones included), the device's own. */
export interface TunSinkStats {
  readonly device: string | undefined;
  readonly ports: number;
  readonly dispatch: PacketDispatcher<TunPort>['counters'];
  readonly sessions: PortCounters;
  /** Host routes the kernel refused to delete on close (other than "already gone"). */
  readonly routeDeleteFailures: number;
  readonly kernel: ReturnType<TunDevice['stats']> | undefined;
}

export class TunPacketSink implements PacketSink, PortOwner {
  private device?: TunDevice;
  private readonly dispatcher: PacketDispatcher<TunPort>;
  /** Counters of ports already closed, so totals never go backwards. */
  private readonly retired = newPortCounters();
  private routeDeleteFailures = 0;

  constructor(private readonly options: TunSinkOptions) {
    const { logger } = options;
    const onDrop = (reason: DropReason, packet: Uint8Array, detail?: unknown) =>
      logger.debug(`packet from the kernel dropped: ${reason}`, {
        bytes: packet.length,
        ...(packet.length >= 20 && { destination: formatIpv4Address(ipv4Destination(packet, 0)) }),
        ...(detail !== undefined && { error: String(detail) }),
      });
    // Drops are only reported when someone reads them: no closure call on the hot path otherwise.
    this.dispatcher = new PacketDispatcher<TunPort>(logger.debugEnabled ? onDrop : undefined);
  }

  /** Creates the device (exclusively: a name some other device holds is SY_ERR_TUN_BUSY) and starts reading. */
  start(): void {
    const { config, logger } = this.options;
    const device = TunDevice.open({
      name: config.name,
      mtu: config.mtu,
      txQueueLength: config.txQueueLength ?? DEFAULT_TX_QUEUE_LENGTH,
      exclusive: true,
      // A /32 gives the kernel a source address for what it sends into the tunnel, and no subnet route.
      ...(config.localAddress !== undefined && { address: config.localAddress, prefixLength: 32 }),
      ...(config.netns !== undefined && { netns: config.netns }),
    });
    device.start(
      (batch) => this.dispatcher.dispatchBatch(batch),
      (error) =>
        logger.error('TUN device read failed; no more packets reach sessions', { error: String(error) }),
    );
    this.device = device;
  }

  get deviceName(): string | undefined {
    return this.device?.name;
  }

  async open(route: PacketRoute): Promise<PacketPort> {
    const device = this.device;
    if (device === undefined || device.closed) {
      throw new SwitchyardError('SY_ERR_TUN_NOT_STARTED', 'tun: the TUN device is not open');
    }
    const address = parseIpv4Address(route.address);
    if (address === undefined) {
      throw new SwitchyardError('SY_ERR_TUN_ROUTE_INVALID', `tun: '${route.address}' is not an IPv4 address`);
    }
    if (this.dispatcher.has(address)) {
      throw new SwitchyardError(
        'SY_ERR_TUN_ADDRESS_IN_USE',
        `tun: ${route.address} is already routed to a session`,
      );
    }
    if (!Number.isInteger(route.mtu) || route.mtu < 68) {
      throw new SwitchyardError('SY_ERR_TUN_ROUTE_INVALID', `tun: route MTU ${route.mtu} is below IPv4's 68`);
    }
    // The device MTU caps every route: the kernel would otherwise hand the device packets it refuses.
    const mtu = Math.min(route.mtu, this.options.config.mtu);
    addRoute({ address, ifindex: device.ifindex, mtu, ...this.netns() });
    const port = new TunPort(address, mtu, route, device, this);
    this.dispatcher.add(address, port);
    this.options.logger.debug('host route added', { address: route.address, device: device.name, mtu });
    return port;
  }

  release(port: TunPort): void {
    this.dispatcher.remove(port.address, port);
    this.retire(port.counters);
    const device = this.device;
    if (device === undefined || device.closed) return;
    try {
      deleteRoute({ address: port.address, ifindex: device.ifindex, ...this.netns() });
    } catch (error) {
      // Already gone (someone ran `ip route del`, or the device vanished) is what we wanted anyway.
      const code = error instanceof NodeTunError ? error.code : undefined;
      if (code === 'SY_ERR_ROUTE_NOT_FOUND' || code === 'SY_ERR_NET_NO_DEVICE') return;
      this.routeDeleteFailures++;
      this.options.logger.warn('cannot delete a host route', {
        address: formatIpv4Address(port.address),
        error: String(error),
      });
    }
  }

  /** Closes every port and then the device; closing the device makes the kernel drop its routes. */
  stop(): void {
    for (const port of [...this.dispatcher.values()]) {
      port.detach();
      this.dispatcher.remove(port.address, port);
      this.retire(port.counters);
    }
    this.device?.close();
  }

  stats(): TunSinkStats {
    const sessions = { ...this.retired };
    for (const port of this.dispatcher.values()) {
      for (const key of Object.keys(sessions) as (keyof PortCounters)[]) sessions[key] += port.counters[key];
    }
    return {
      device: this.device?.name,
      ports: this.dispatcher.size,
      dispatch: { ...this.dispatcher.counters },
      sessions,
      routeDeleteFailures: this.routeDeleteFailures,
      kernel: this.device?.stats(),
    };
  }

  private retire(counters: PortCounters): void {
    for (const key of Object.keys(this.retired) as (keyof PortCounters)[]) this.retired[key] += counters[key];
  }

  private netns(): { netns?: string } {
    const { netns } = this.options.config;
    return netns === undefined ? {} : { netns };
  }
}
