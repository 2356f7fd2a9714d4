// A tiny pcap writer for tshark checks: classic libpcap files of raw IPv4 packets (LINKTYPE_RAW, 101),
// with IPv4 and TCP headers built here so PPTP control messages appear on a real-looking TCP 1723 stream.

export const LINKTYPE_RAW = 101;

export interface PcapRecord {
  readonly timeMs: number;
  readonly data: Uint8Array;
}

/** A whole pcap file: global header + one record per packet, little-endian as libpcap writes it. */
export function pcapFile(records: readonly PcapRecord[], linkType = LINKTYPE_RAW): Uint8Array {
  const size = 24 + records.reduce((n, r) => n + 16 + r.data.length, 0);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xa1b2c3d4, true);
  view.setUint16(4, 2, true);
  view.setUint16(6, 4, true);
  view.setUint32(16, 65535, true);
  view.setUint32(20, linkType, true);
  let at = 24;
  for (const { timeMs, data } of records) {
    view.setUint32(at, Math.floor(timeMs / 1000), true);
    view.setUint32(at + 4, Math.round((timeMs % 1000) * 1000), true);
    view.setUint32(at + 8, data.length, true);
    view.setUint32(at + 12, data.length, true);
    out.set(data, at + 16);
    at += 16 + data.length;
  }
  return out;
}

export function ipv4Address(text: string): Uint8Array {
  return new Uint8Array(text.split('.').map(Number));
}

/** RFC 1071 one's-complement sum over `chunks`, folded and inverted. */
export function internetChecksum(...chunks: readonly Uint8Array[]): number {
  let sum = 0;
  for (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i += 2) sum += ((chunk[i] as number) << 8) | (chunk[i + 1] ?? 0);
  }
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

let ipId = 1;

/** An IPv4 packet (no options, DF set) around `payload`, with a correct header checksum. */
export function ipv4Packet(src: string, dst: string, protocol: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(20 + payload.length);
  const view = new DataView(out.buffer);
  view.setUint8(0, 0x45);
  view.setUint16(2, out.length);
  view.setUint16(4, ipId++ & 0xffff);
  view.setUint16(6, 0x4000);
  view.setUint8(8, 64);
  view.setUint8(9, protocol);
  out.set(ipv4Address(src), 12);
  out.set(ipv4Address(dst), 16);
  view.setUint16(10, internetChecksum(out.subarray(0, 20)));
  out.set(payload, 20);
  return out;
}

export const TcpFlag = { FIN: 0x01, SYN: 0x02, PSH: 0x08, ACK: 0x10 } as const;

interface Endpoint {
  readonly ip: string;
  readonly port: number;
  seq: number;
}

/** One TCP connection with consistent sequence and acknowledgment numbers, so tshark sees no gaps. */
export class TcpConversation {
  private readonly client: Endpoint;
  private readonly server: Endpoint;

  constructor(client: { ip: string; port: number }, server: { ip: string; port: number }) {
    this.client = { ...client, seq: 1000 };
    this.server = { ...server, seq: 5000 };
  }

  /** SYN, SYN-ACK, ACK. */
  handshake(): Uint8Array[] {
    const syn = this.segment('client', TcpFlag.SYN, new Uint8Array(0), 1);
    const synAck = this.segment('server', TcpFlag.SYN | TcpFlag.ACK, new Uint8Array(0), 1);
    return [syn, synAck, this.segment('client', TcpFlag.ACK, new Uint8Array(0))];
  }

  /** A PSH/ACK data segment from one side. */
  send(from: 'client' | 'server', payload: Uint8Array): Uint8Array {
    return this.segment(from, TcpFlag.PSH | TcpFlag.ACK, payload);
  }

  private segment(from: 'client' | 'server', flags: number, payload: Uint8Array, phantom = 0): Uint8Array {
    const me = from === 'client' ? this.client : this.server;
    const peer = from === 'client' ? this.server : this.client;
    const tcp = new Uint8Array(20 + payload.length);
    const view = new DataView(tcp.buffer);
    view.setUint16(0, me.port);
    view.setUint16(2, peer.port);
    view.setUint32(4, me.seq >>> 0);
    view.setUint32(8, flags & TcpFlag.ACK ? peer.seq >>> 0 : 0);
    view.setUint8(12, 5 << 4);
    view.setUint8(13, flags);
    view.setUint16(14, 65535);
    tcp.set(payload, 20);
    const pseudo = new Uint8Array(12);
    pseudo.set(ipv4Address(me.ip), 0);
    pseudo.set(ipv4Address(peer.ip), 4);
    pseudo[9] = 6;
    new DataView(pseudo.buffer).setUint16(10, tcp.length);
    view.setUint16(16, internetChecksum(pseudo, tcp));
    me.seq += payload.length + phantom;
    return ipv4Packet(me.ip, peer.ip, 6, tcp);
  }
}
