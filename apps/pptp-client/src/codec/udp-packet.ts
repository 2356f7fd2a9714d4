// IPv4 + UDP packets for the load generator (RFC 791, RFC 768): built with a correct header checksum
// and UDP checksum, and read back to count replies. The payload carries a marker, the session index
// and a sequence number, so an echoing target's replies can be told apart.

export const IPV4_HEADER_BYTES = 20;
export const UDP_HEADER_BYTES = 8;
/** 'SYLD', session index, sequence number. */
export const PROBE_BYTES = 12;
/** The smallest packet buildUdpPacket makes: headers and the probe. */
export const MIN_PACKET_BYTES = IPV4_HEADER_BYTES + UDP_HEADER_BYTES + PROBE_BYTES;
const PROBE_MAGIC = 0x53594c44; // 'SYLD'
const PROTOCOL_UDP = 17;

export interface UdpPacketSpec {
  /** Host-order IPv4 addresses. */
  readonly source: number;
  readonly destination: number;
  readonly sourcePort: number;
  readonly destinationPort: number;
  /** Total length of the IP packet, headers included (MIN_PACKET_BYTES..65535). */
  readonly totalBytes: number;
  readonly session: number;
  readonly sequence: number;
  /** IPv4 Identification; default: the low 16 bits of `sequence`. */
  readonly identification?: number;
  readonly ttl?: number;
}

/** One's-complement sum of 16-bit big-endian words (RFC 1071), not yet folded. */
function sum16(bytes: Uint8Array, from: number, to: number, initial = 0): number {
  let sum = initial;
  let i = from;
  for (; i + 1 < to; i += 2) sum += ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
  if (i < to) sum += (bytes[i] as number) << 8;
  return sum;
}

function fold(sum: number): number {
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 0x10000);
  return sum;
}

export function buildUdpPacket(spec: UdpPacketSpec): Uint8Array {
  const { totalBytes } = spec;
  if (!Number.isInteger(totalBytes) || totalBytes < MIN_PACKET_BYTES || totalBytes > 0xffff) {
    throw new RangeError(`packet size ${totalBytes} outside ${MIN_PACKET_BYTES}..65535`);
  }
  const packet = new Uint8Array(totalBytes);
  const view = new DataView(packet.buffer);
  view.setUint8(0, 0x45); // version 4, IHL 5
  view.setUint16(2, totalBytes);
  view.setUint16(4, spec.identification ?? spec.sequence & 0xffff);
  view.setUint16(6, 0x4000); // DF: the tunnel's MTU, not fragmentation, decides what fits
  view.setUint8(8, spec.ttl ?? 64);
  view.setUint8(9, PROTOCOL_UDP);
  view.setUint32(12, spec.source >>> 0);
  view.setUint32(16, spec.destination >>> 0);
  view.setUint16(10, ~fold(sum16(packet, 0, IPV4_HEADER_BYTES)) & 0xffff);

  const udpBytes = totalBytes - IPV4_HEADER_BYTES;
  const udp = IPV4_HEADER_BYTES;
  view.setUint16(udp, spec.sourcePort);
  view.setUint16(udp + 2, spec.destinationPort);
  view.setUint16(udp + 4, udpBytes);
  view.setUint32(udp + 8, PROBE_MAGIC);
  view.setUint32(udp + 12, spec.session >>> 0);
  view.setUint32(udp + 16, spec.sequence >>> 0);
  // The rest of the payload: a byte pattern rather than zeros, so compression could not flatter a link.
  for (let i = udp + UDP_HEADER_BYTES + PROBE_BYTES; i < totalBytes; i++) packet[i] = i & 0xff;
  // RFC 768: the checksum covers a pseudo-header (addresses, protocol, UDP length) and the datagram.
  const pseudo =
    (spec.source >>> 16) + (spec.source & 0xffff) + (spec.destination >>> 16) + (spec.destination & 0xffff);
  const checksum = ~fold(sum16(packet, udp, totalBytes, pseudo + PROTOCOL_UDP + udpBytes)) & 0xffff;
  view.setUint16(udp + 6, checksum === 0 ? 0xffff : checksum); // 0 means "no checksum" in UDP
  return packet;
}

/** The probe's sequence number: two 16-bit words, at an even offset (IP 20 + UDP 8 + magic 4 + session 4). */
const SEQUENCE_OFFSET = IPV4_HEADER_BYTES + UDP_HEADER_BYTES + 8;

/**
 * One flow's packet, built once, then re-stamped per packet: `stamp(sequence)` rewrites the
 * Identification and the probe's sequence number and derives both checksums from sums taken once over
 * everything else (RFC 1071 sums are order-free, so the changed words are simply added in; the result
 * equals buildUdpPacket's for the same spec). A load generator then costs no allocation and no pass over
 * the payload per packet. The packet is reused: valid until the next stamp (sendIp reads it during the call).
 */
export class UdpPacketStamp {
  private readonly packet: Uint8Array;
  private readonly view: DataView;
  /** Header sum without Identification and checksum (both zero in the template). */
  private readonly ipSum: number;
  /** Pseudo-header and datagram sum without the sequence number and checksum. */
  private readonly udpSum: number;

  constructor(spec: Omit<UdpPacketSpec, 'sequence' | 'identification'>) {
    this.packet = buildUdpPacket({ ...spec, sequence: 0, identification: 0 });
    this.view = new DataView(this.packet.buffer);
    const { packet } = this;
    const udpBytes = spec.totalBytes - IPV4_HEADER_BYTES;
    this.view.setUint16(10, 0);
    this.view.setUint16(IPV4_HEADER_BYTES + 6, 0);
    this.ipSum = sum16(packet, 0, IPV4_HEADER_BYTES);
    const pseudo =
      (spec.source >>> 16) + (spec.source & 0xffff) + (spec.destination >>> 16) + (spec.destination & 0xffff);
    this.udpSum = sum16(packet, IPV4_HEADER_BYTES, spec.totalBytes, pseudo + PROTOCOL_UDP + udpBytes);
  }

  stamp(sequence: number): Uint8Array {
    const { view } = this;
    const seq = sequence >>> 0;
    const identification = seq & 0xffff;
    view.setUint16(4, identification);
    view.setUint32(SEQUENCE_OFFSET, seq);
    view.setUint16(10, ~fold(this.ipSum + identification) & 0xffff);
    const checksum = ~fold(this.udpSum + (seq >>> 16) + identification) & 0xffff;
    view.setUint16(IPV4_HEADER_BYTES + 6, checksum === 0 ? 0xffff : checksum);
    return this.packet;
  }
}

/** What readUdpPacket found in a received packet. */
export interface UdpPacketInfo {
  readonly source: number;
  readonly destination: number;
  readonly sourcePort: number;
  readonly destinationPort: number;
  readonly totalBytes: number;
  /** Both checksums verify (a zero UDP checksum counts as valid, RFC 768). */
  readonly checksumsOk: boolean;
  /** Our probe, when the payload starts with one (an echo of what we sent). */
  readonly probe?: { readonly session: number; readonly sequence: number };
}

/** Reads an IPv4/UDP packet; undefined for anything else (other protocols, fragments, bad lengths). */
export function readUdpPacket(packet: Uint8Array): UdpPacketInfo | undefined {
  if (packet.length < IPV4_HEADER_BYTES || (packet[0] as number) >> 4 !== 4) return undefined;
  const view = new DataView(packet.buffer, packet.byteOffset, packet.byteLength);
  const headerBytes = ((packet[0] as number) & 0x0f) * 4;
  const totalBytes = view.getUint16(2);
  const fragment = view.getUint16(6);
  if (view.getUint8(9) !== PROTOCOL_UDP || (fragment & 0x3fff) !== 0) return undefined;
  // Every read below stays inside [0, totalBytes), which these checks prove is inside the buffer.
  if (headerBytes < IPV4_HEADER_BYTES || totalBytes > packet.length || totalBytes < headerBytes + 8) {
    return undefined;
  }
  const udpBytes = view.getUint16(headerBytes + 4);
  if (udpBytes < UDP_HEADER_BYTES || headerBytes + udpBytes > totalBytes) return undefined;
  const source = view.getUint32(12);
  const destination = view.getUint32(16);
  const udpChecksum = view.getUint16(headerBytes + 6);
  const ipOk = fold(sum16(packet, 0, headerBytes)) === 0xffff;
  const pseudo = (source >>> 16) + (source & 0xffff) + (destination >>> 16) + (destination & 0xffff);
  const end = headerBytes + udpBytes;
  const udpOk =
    udpChecksum === 0 || fold(sum16(packet, headerBytes, end, pseudo + PROTOCOL_UDP + udpBytes)) === 0xffff;
  const payload = headerBytes + UDP_HEADER_BYTES;
  const hasProbe = udpBytes >= UDP_HEADER_BYTES + PROBE_BYTES && view.getUint32(payload) === PROBE_MAGIC;
  return {
    source,
    destination,
    sourcePort: view.getUint16(headerBytes),
    destinationPort: view.getUint16(headerBytes + 2),
    totalBytes,
    checksumsOk: ipOk && udpOk,
    ...(hasProbe && {
      probe: { session: view.getUint32(payload + 4), sequence: view.getUint32(payload + 8) },
    }),
  };
}
