// The command-line client's IP side: one TUN device, created before we connect (so a missing privilege
// fails at once, as pppd fails without /dev/ppp), configured point-to-point with the addresses IPCP
// agreed, plus the routes asked for. Packets from the kernel go into the tunnel and back.
import type { Logger, PacketPort, PacketRoute } from '@switchyard/core';
import { NodeTunError, TunDevice, addRoute, deleteRoute, packetAt } from '@switchyard/node-tun';
import type { IpcpAgreement } from '@switchyard/ppp';
import { cidrContains, formatCidr, parseIpv4, type Cidr } from '../codec/ipv4.js';
import { clientEnd, PppdExit, PptpClientError } from '../machine/end.js';
import type { ClientSink } from '../session-ip.js';

export interface TunSinkOptions {
  /** Interface name or pattern (`pptp%d`). */
  readonly name: string;
  readonly routes: readonly Cidr[];
  /** The server's IPv4 address: a route covering it would send GRE into the tunnel itself. */
  readonly server: string;
  readonly logger: Logger;
  readonly netns?: string;
}

export class TunSink implements ClientSink {
  private constructor(
    private readonly device: TunDevice,
    private readonly options: TunSinkOptions,
  ) {}

  /** Creates the device, down and without address until IPCP is up. */
  static open(options: TunSinkOptions): TunSink {
    try {
      const device = TunDevice.open({
        name: options.name,
        up: false,
        exclusive: true,
        ...(options.netns !== undefined && { netns: options.netns }),
      });
      return new TunSink(device, options);
    } catch (error) {
      const code = error instanceof NodeTunError ? error.code : undefined;
      const exitCode =
        code === 'SY_ERR_TUN_PERMISSION'
          ? PppdExit.notRoot
          : code === 'SY_ERR_TUN_UNAVAILABLE'
            ? PppdExit.noKernelSupport
            : PppdExit.fatalError;
      const message = `cannot create TUN device ${options.name}: ${(error as Error).message}`;
      throw new PptpClientError(clientEnd('local-error', message, { exitCode }));
    }
  }

  get name(): string {
    return this.device.name;
  }

  async open(route: PacketRoute, ipcp: IpcpAgreement | undefined): Promise<PacketPort> {
    const { device, options } = this;
    const { logger } = options;
    device.setMtu(route.mtu);
    const peer = ipcp?.peerAddress;
    device.setAddress(route.address, peer !== undefined ? { peer } : { prefixLength: 32 });
    device.setUp(true);
    logger.info(`${device.name}: ${route.address} peer ${peer ?? 'none'} mtu ${route.mtu}`);
    const added = this.addRoutes();
    device.start(
      (batch) => {
        // Views into the device's slab: the PPP layer frames (and encrypts) into a new buffer at once.
        for (let i = 0; i < batch.count; i++) route.deliver(packetAt(batch, i));
      },
      (error) =>
        logger.error(`${device.name}: read failed; no more packets enter the tunnel`, {
          error: String(error),
        }),
    );
    let open = true;
    return {
      send: (packet) => {
        if (!open || device.closed) return;
        try {
          device.write(packet); // false = the kernel's queue was full: dropped, as on any interface
        } catch {
          // The device is closing: nothing to deliver to.
        }
      },
      close: () => {
        if (!open) return;
        open = false;
        device.stop();
        this.deleteRoutes(added);
        if (!device.closed) device.setUp(false);
      },
    };
  }

  /** Deletes the device (and with it every route through it). */
  close(): void {
    this.device.close();
  }

  private addRoutes(): Cidr[] {
    const { device, options } = this;
    const server = parseIpv4(options.server);
    const added: Cidr[] = [];
    for (const cidr of options.routes) {
      if (server !== undefined && cidrContains(cidr, server)) {
        // pppd refuses a default route when one exists for the same reason: our own GRE would loop.
        options.logger.warn(`not adding route ${formatCidr(cidr)}: it covers the server ${options.server}`);
        continue;
      }
      try {
        addRoute({
          address: cidr.address,
          prefixLength: cidr.prefixLength,
          ifindex: device.ifindex,
          ...this.netns(),
        });
        added.push(cidr);
        options.logger.info(`route ${formatCidr(cidr)} via ${device.name}`);
      } catch (error) {
        options.logger.warn(`cannot add route ${formatCidr(cidr)}: ${(error as Error).message}`);
      }
    }
    return added;
  }

  private deleteRoutes(routes: readonly Cidr[]): void {
    for (const cidr of routes) {
      try {
        deleteRoute({
          address: cidr.address,
          prefixLength: cidr.prefixLength,
          ifindex: this.device.ifindex,
          ...this.netns(),
        });
      } catch {
        // Gone already (the device went down, or an administrator removed it): what we wanted.
      }
    }
  }

  private netns(): { netns?: string } {
    return this.options.netns !== undefined ? { netns: this.options.netns } : {};
  }
}
