// The appliance's GRE endpoint: one raw IPv4 socket for protocol 47 shared by every call, inbound
// batches demultiplexed by (source address, our Call ID) to the call's channel (anchors §6 #1: several
// clients behind one NAT share an address, so the Call ID alone is not enough). The only file of this
// plugin that touches the native binding.
import type { CallChannelFactory, CallChannelParams, Clock, Logger } from '@switchyard/core';
import { RawIpSocket, formatIpv4, type ReceivedBatch } from '@switchyard/node-tun';
import { hexExcerpt } from '@switchyard/wire';
import { GreChannel, type GreChannelHost } from '../channel.js';
import type { GreConfig } from '../config.js';
import { IP_PROTOCOL_GRE } from '../codec/constants.js';
import type { GreSequencerConfig } from '../machine/call-sequencer.js';
import { GreDemux, ipv4ToNumber } from '../machine/demux.js';
import { GreSendQueue } from './send-queue.js';

export interface GreEndpointOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: GreConfig;
  /** Open the socket inside this network namespace (tests); default: the process's own. */
  readonly netns?: string;
}

/**
 * Packets for a call a PNS has placed but not yet opened: the PAC starts LCP the moment it sends its
 * Outgoing-Call-Reply, and that GRE packet may be read before the reply on the TCP socket that names
 * the PAC's Call ID. They wait here (copies, a few at most) until open() replays them into the channel.
 */
class EarlyPackets {
  readonly packets: Uint8Array[] = [];
  receive(packet: Uint8Array): void {
    if (this.packets.length < 16) this.packets.push(packet.slice());
  }
}

export class GreEndpoint implements CallChannelFactory, GreChannelHost {
  readonly demux = new GreDemux<GreChannel | EarlyPackets>();
  private readonly channels = new Set<GreChannel>();
  private readonly early = new Map<number, EarlyPackets>();
  private socket?: RawIpSocket;
  /** Every call's outbound packets, sent in batches (see send-queue.ts). */
  private queue?: GreSendQueue;
  /** One sequencer config for every call (the sequencer resolves it once). */
  private readonly sequencerConfig: Partial<GreSequencerConfig>;

  constructor(private readonly options: GreEndpointOptions) {
    const { config } = options;
    this.sequencerConfig = {
      sendWindow: config.sendWindow,
      reorderCapacity: config.reorderCapacity,
      reorderTimeoutMs: config.reorderTimeoutMs,
      ackDelayMs: config.ackDelayMs,
    };
  }

  start(): void {
    const { config, netns, logger } = this.options;
    const socket = RawIpSocket.open({
      protocol: IP_PROTOCOL_GRE,
      receiveBufferBytes: config.receiveBufferBytes,
      ...(netns !== undefined && { netns }),
    });
    socket.start(
      (batch) => this.receive(batch),
      (error) => logger.error('GRE socket read failed', { error: String(error) }),
    );
    this.socket = socket;
    this.queue = new GreSendQueue(socket);
    logger.debug('GRE socket open', { receiveBufferBytes: socket.receiveBufferBytes });
  }

  /**
   * PNS role: from now on, hold packets from `peerAddress` for `localCallId` until open() for that call
   * replays them (on a microtask: attach the receiver in the same turn) or the returned function cancels.
   * Call it when the Outgoing-Call-Request goes out.
   */
  expect(peerAddress: string, localCallId: number): () => void {
    const peer = ipv4ToNumber(peerAddress);
    const key = peer * 0x10000 + localCallId;
    if (this.early.has(key)) throw new Error(`gre: call ${localCallId} from ${peerAddress} already expected`);
    const early = new EarlyPackets();
    this.demux.add(peer, localCallId, early);
    this.early.set(key, early);
    return () => {
      if (this.early.get(key) !== early) return;
      this.early.delete(key);
      this.demux.remove(peer, localCallId);
    };
  }

  open(params: CallChannelParams): GreChannel {
    if (this.socket === undefined || this.queue === undefined) throw new Error('gre: endpoint not started');
    const peer = ipv4ToNumber(params.peerAddress);
    const key = peer * 0x10000 + params.localCallId;
    const early = this.early.get(key);
    if (early !== undefined) {
      this.early.delete(key);
      this.demux.remove(peer, params.localCallId);
    }
    const channel = new GreChannel(params, this.options.clock, this, this.sequencerConfig);
    this.demux.add(peer, params.localCallId, channel);
    this.channels.add(channel);
    // On a microtask, so that the caller can attach its receiver first (in the same turn as open()).
    if (early !== undefined) queueMicrotask(() => early.packets.forEach((packet) => channel.receive(packet)));
    return channel;
  }

  /** GreChannelHost: a channel's acknowledgment-only packet. */
  channelTransmit(packet: Uint8Array, channel: GreChannel): void {
    this.queue?.packet(packet, channel.peer);
  }

  /** GreChannelHost: a channel's PPP frame, numbered and built in the batch. */
  channelFrame(frame: Uint8Array, channel: GreChannel): void {
    this.queue?.frame(frame, channel.sequencer, channel.peer);
  }

  channelClosed(channel: GreChannel): void {
    this.demux.remove(channel.peer, channel.params.localCallId);
    this.channels.delete(channel);
  }

  /** Closes every channel (their ack timers stop with them), then the socket. */
  stop(): void {
    for (const channel of [...this.channels]) channel.close();
    this.early.clear();
    this.queue?.flush(); // what this turn queued still leaves, as it would have before the close
    this.socket?.close();
    this.socket = undefined;
  }

  /** Packets the kernel refused or that found the socket closed (the data path never throws). */
  get sendErrors(): number {
    return this.queue?.errors ?? 0;
  }

  /** Drop counters of the shared socket (per-call counters live on each channel). */
  stats() {
    return { ...this.demux.counters, sendErrors: this.sendErrors, socket: this.socket?.stats() };
  }

  private receive(batch: ReceivedBatch): void {
    const { logger } = this.options;
    for (let i = 0; i < batch.count; i++) {
      // A plain Uint8Array view, not packetAt's Buffer: Buffer#slice() is a view too, so the copies the
      // channel and the reorder buffer make with slice() would still point into this reused slab.
      const packet = new Uint8Array(
        batch.buffer.buffer,
        batch.buffer.byteOffset + (batch.offsets[i] as number),
        batch.lengths[i] as number,
      );
      const source = batch.sources[i] as number;
      const target = this.demux.route(source, packet);
      if (typeof target !== 'string') {
        target.receive(packet);
      } else if (logger.debugEnabled) {
        logger.debug(`GRE packet dropped: ${target}`, {
          source: formatIpv4(source),
          bytes: hexExcerpt(packet, 16),
        });
      }
    }
  }
}
