// Fixture builders for tests and benchmarks: IPv4 (RFC 791), ICMP echo (RFC 792) and UDP (RFC 768)
// packets with correct checksums (RFC 1071), so the kernel accepts what a test writes to a TUN.
import { toIpv4Number, type Ipv4Address } from '../ipv4.js';

/** RFC 1071 Internet checksum of `data` (plus an optional partial sum, e.g. a pseudo-header). */
export function internetChecksum(data: Uint8Array, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < data.length; i += 2) sum += ((data[i] ?? 0) << 8) | (data[i + 1] ?? 0);
  if (data.length % 2 === 1) sum += (data[data.length - 1] ?? 0) << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

/** What {@link buildIpv4Packet} needs. */
export interface Ipv4PacketSpec {
  source: Ipv4Address;
  destination: Ipv4Address;
  protocol: number;
  payload: Uint8Array;
  ttl?: number;
  identification?: number;
}

/** An IPv4 packet with a 20-byte header and a valid header checksum. */
export function buildIpv4Packet(spec: Ipv4PacketSpec): Buffer {
  const packet = Buffer.alloc(20 + spec.payload.length);
  packet[0] = 0x45;
  packet.writeUInt16BE(packet.length, 2);
  packet.writeUInt16BE(spec.identification ?? 0, 4);
  packet[8] = spec.ttl ?? 64;
  packet[9] = spec.protocol;
  packet.writeUInt32BE(toIpv4Number(spec.source), 12);
  packet.writeUInt32BE(toIpv4Number(spec.destination), 16);
  packet.writeUInt16BE(internetChecksum(packet.subarray(0, 20)), 10);
  packet.set(spec.payload, 20);
  return packet;
}

/** An ICMP echo request (type 8) or reply (type 0) message. */
export function buildIcmpEcho(type: 0 | 8, identifier: number, sequence: number, data: Uint8Array): Buffer {
  const message = Buffer.alloc(8 + data.length);
  message[0] = type;
  message.writeUInt16BE(identifier, 4);
  message.writeUInt16BE(sequence, 6);
  message.set(data, 8);
  message.writeUInt16BE(internetChecksum(message), 2);
  return message;
}

/** A UDP datagram with its checksum over the RFC 768 pseudo-header. */
export function buildUdp(
  source: Ipv4Address,
  destination: Ipv4Address,
  sourcePort: number,
  destinationPort: number,
  payload: Uint8Array,
): Buffer {
  const datagram = Buffer.alloc(8 + payload.length);
  datagram.writeUInt16BE(sourcePort, 0);
  datagram.writeUInt16BE(destinationPort, 2);
  datagram.writeUInt16BE(datagram.length, 4);
  datagram.set(payload, 8);
  const pseudo = Buffer.alloc(12);
  pseudo.writeUInt32BE(toIpv4Number(source), 0);
  pseudo.writeUInt32BE(toIpv4Number(destination), 4);
  pseudo[9] = 17;
  pseudo.writeUInt16BE(datagram.length, 10);
  const partial = ~internetChecksum(pseudo) & 0xffff;
  datagram.writeUInt16BE(internetChecksum(datagram, partial) || 0xffff, 6);
  return datagram;
}

/** The fields of an IPv4 header a test checks. */
export interface Ipv4Header {
  headerLength: number;
  totalLength: number;
  protocol: number;
  source: number;
  destination: number;
  checksumValid: boolean;
}

/** Parses an IPv4 header; undefined for anything that is not IPv4 (e.g. the kernel's IPv6 chatter). */
export function parseIpv4Header(packet: Uint8Array): Ipv4Header | undefined {
  if (packet.length < 20 || (packet[0] ?? 0) >> 4 !== 4) return undefined;
  const view = Buffer.from(packet.buffer, packet.byteOffset, packet.length);
  const headerLength = (view[0]! & 0x0f) * 4;
  if (headerLength < 20 || headerLength > packet.length) return undefined;
  return {
    headerLength,
    totalLength: view.readUInt16BE(2),
    protocol: view[9]!,
    source: view.readUInt32BE(12),
    destination: view.readUInt32BE(16),
    checksumValid: internetChecksum(view.subarray(0, headerLength)) === 0,
  };
}
