// Where a session's decrypted IP packets go (the kernel, through a TUN device) and where packets for the
// session's address come from.
import { createToken } from '../tokens.js';

export interface PacketRoute {
  /** The tunnel peer's IPv4 address: packets to it are delivered to `deliver`. */
  readonly address: string;
  /** Largest IP packet the session may carry (negotiated MRU minus overhead). */
  readonly mtu: number;
  /** Called with each IP packet the sink has for this session. */
  deliver(packet: Uint8Array): void;
}

export interface PacketPort {
  /** Hands one IP packet from the session to the sink. Never throws; drops are counted. */
  send(packet: Uint8Array): void;
  /** Removes the route; idempotent. */
  close(): void;
}

export interface PacketSink {
  /** The host interface the packets cross (the TUN device's name), when there is one. */
  readonly deviceName?: string;
  open(route: PacketRoute): Promise<PacketPort>;
}

export const packetSinkToken = createToken<PacketSink>('core.packetSink');
