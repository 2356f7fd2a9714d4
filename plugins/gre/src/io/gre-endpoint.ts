// The appliance's GRE endpoint: one raw IPv4 socket for protocol 47 shared by every call, inbound
// batches demultiplexed by (source address, our Call ID) to the call's channel (anchors §6 #1: several
// clients behind one NAT share an address, so the Call ID alone is not enough). The only file of this
// plugin that touches the native binding.
import type { CallChannelFactory, CallChannelParams, Clock, Logger } from '@switchyard/core';
import { RawIpSocket, formatIpv4, packetAt, type ReceivedBatch } from '@switchyard/node-tun';
import { hexExcerpt } from '@switchyard/wire';
import { GreChannel } from '../channel.js';
import type { GreConfig } from '../config.js';
import { IP_PROTOCOL_GRE } from '../codec/constants.js';
import { GreDemux, ipv4ToNumber } from '../machine/demux.js';

export interface GreEndpointOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  readonly config: GreConfig;
  /** Open the socket inside this network namespace (tests); default: the process's own. */
  readonly netns?: string;
}

export class GreEndpoint implements CallChannelFactory {
  readonly demux = new GreDemux<GreChannel>();
  private readonly channels = new Set<GreChannel>();
  private socket?: RawIpSocket;
  /** Packets the kernel refused or that found the socket closed (the data path never throws). */
  sendErrors = 0;

  constructor(private readonly options: GreEndpointOptions) {}

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
    logger.debug('GRE socket open', { receiveBufferBytes: socket.receiveBufferBytes });
  }

  open(params: CallChannelParams): GreChannel {
    const socket = this.socket;
    if (socket === undefined) throw new Error('gre: endpoint not started');
    const peer = ipv4ToNumber(params.peerAddress);
    const { config } = this.options;
    const channel = new GreChannel(
      params,
      this.options.clock,
      (packet) => this.transmit(socket, packet, peer),
      (closed) => {
        this.demux.remove(peer, params.localCallId);
        this.channels.delete(closed);
      },
      {
        sendWindow: config.sendWindow,
        reorderCapacity: config.reorderCapacity,
        reorderTimeoutMs: config.reorderTimeoutMs,
        ackDelayMs: config.ackDelayMs,
      },
    );
    this.demux.add(peer, params.localCallId, channel);
    this.channels.add(channel);
    return channel;
  }

  /** Closes every channel (their ack timers stop with them), then the socket. */
  stop(): void {
    for (const channel of [...this.channels]) channel.close();
    this.socket?.close();
    this.socket = undefined;
  }

  private transmit(socket: RawIpSocket, packet: Uint8Array, peer: number): void {
    try {
      if (!socket.closed && socket.send(packet, peer)) return;
    } catch {
      // fall through: counted below
    }
    this.sendErrors++;
  }

  /** Drop counters of the shared socket (per-call counters live on each channel). */
  stats() {
    return { ...this.demux.counters, sendErrors: this.sendErrors, socket: this.socket?.stats() };
  }

  private receive(batch: ReceivedBatch): void {
    const { logger } = this.options;
    for (let i = 0; i < batch.count; i++) {
      const packet = packetAt(batch, i);
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
