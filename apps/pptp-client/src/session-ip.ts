// The IP side of one client session: the PacketSink IPCP opens once the address is agreed (RFC 1332).
// It counts packets both ways, offers them to API users (sendIp, ipPackets$), and hands them on to an
// optional ClientSink, such as the TUN device of the command-line client.
import type { PacketPort, PacketRoute, PacketSink } from '@switchyard/core';
import type { IpcpAgreement } from '@switchyard/ppp';
import { Subject, type Observable } from 'rxjs';

/** A PacketSink that is also told what IPCP agreed (the peer's address, for a point-to-point device). */
export interface ClientSink {
  open(route: PacketRoute, ipcp: IpcpAgreement | undefined): Promise<PacketPort>;
}

export interface IpCounters {
  /** IP packets handed to the tunnel (and bytes, IP headers included). */
  packetsSent: number;
  bytesSent: number;
  /** IP packets that came out of the tunnel. */
  packetsReceived: number;
  bytesReceived: number;
  /** Packets refused before the tunnel: no route open yet, or not IPv4 (IPCP carries IPv4 only). */
  sendRefused: number;
}

export class SessionIp implements PacketSink {
  readonly counters: IpCounters = {
    packetsSent: 0,
    bytesSent: 0,
    packetsReceived: 0,
    bytesReceived: 0,
    sendRefused: 0,
  };
  private readonly inbound = new Subject<Uint8Array>();
  /** IP packets from the tunnel (views valid during the call). Completes when the session ends. */
  readonly packets$: Observable<Uint8Array> = this.inbound.asObservable();
  /** IPCP's route while one is open (not the counting wrapper: send() counts itself). */
  private route: PacketRoute | undefined;
  private markOpened!: () => void;
  /** Settles when the first route is open (and the ClientSink, if any, is configured). */
  readonly opened = new Promise<void>((resolve) => (this.markOpened = resolve));

  constructor(
    private readonly sink: ClientSink | undefined,
    private readonly ipcp: () => IpcpAgreement | undefined,
  ) {}

  /** The open route's MTU, or undefined while IPCP is not Opened. */
  get mtu(): number | undefined {
    return this.route?.mtu;
  }

  async open(route: PacketRoute): Promise<PacketPort> {
    const counting: PacketRoute = {
      address: route.address,
      mtu: route.mtu,
      deliver: (packet) => this.deliver(route, packet),
    };
    const port = this.sink ? await this.sink.open(counting, this.ipcp()) : undefined;
    this.route = route;
    this.markOpened();
    let open = true;
    return {
      send: (packet) => {
        if (!open) return;
        this.counters.packetsReceived++;
        this.counters.bytesReceived += packet.length;
        this.inbound.next(packet);
        port?.send(packet);
      },
      close: () => {
        if (!open) return;
        open = false;
        if (this.route === route) this.route = undefined;
        port?.close();
      },
    };
  }

  /** Sends one IPv4 packet into the tunnel; false when no route is open or it is not IPv4. */
  send(packet: Uint8Array): boolean {
    const route = this.route;
    if (route === undefined) {
      this.counters.sendRefused++;
      return false;
    }
    return this.deliver(route, packet);
  }

  /** The session is over: ipPackets$ completes. */
  complete(): void {
    this.inbound.complete();
  }

  private deliver(route: PacketRoute, packet: Uint8Array): boolean {
    // A TUN device also hands us IPv6 (router solicitations…); IPCP's 0x0021 frames carry IPv4 only.
    if (packet.length < 20 || (packet[0] as number) >> 4 !== 4) {
      this.counters.sendRefused++;
      return false;
    }
    this.counters.packetsSent++;
    this.counters.bytesSent += packet.length;
    route.deliver(packet);
    return true;
  }
}
