// The client's GRE endpoint: the gre plugin's GreEndpoint (one raw IPPROTO_GRE socket, demultiplexed by
// server address and our Call ID) with the sequencing defaults the appliance uses. One endpoint can carry
// every session of a process, which is what the load generator does.
import type { Clock, Logger } from '@switchyard/core';
import { NodeTunError } from '@switchyard/node-tun';
import { DEFAULT_GRE_SEQUENCER_CONFIG, GreEndpoint } from '@switchyard/plugin-gre';
import { clientEnd, PppdExit, PptpClientError } from '../machine/end.js';

export interface ClientGreOptions {
  readonly clock: Clock;
  readonly logger: Logger;
  /** SO_RCVBUF of the raw socket; default 4 MiB (the load generator asks for more). */
  readonly receiveBufferBytes?: number;
  /** Open the socket in this network namespace (`ip netns` name or path). */
  readonly netns?: string;
}

/** Opens and starts the endpoint; a refused raw socket is a PptpClientError with pppd's exit status. */
export function startGreEndpoint(options: ClientGreOptions): GreEndpoint {
  const { sendWindow, reorderCapacity, reorderTimeoutMs, ackDelayMs } = DEFAULT_GRE_SEQUENCER_CONFIG;
  const endpoint = new GreEndpoint({
    clock: options.clock,
    logger: options.logger,
    config: {
      receiveBufferBytes: options.receiveBufferBytes ?? 4 << 20,
      sendWindow,
      reorderCapacity,
      reorderTimeoutMs,
      ackDelayMs,
    },
    ...(options.netns !== undefined && { netns: options.netns }),
  });
  try {
    endpoint.start();
  } catch (error) {
    const code = error instanceof NodeTunError ? error.code : undefined;
    const message = `cannot open a raw GRE socket: ${(error as Error).message}`;
    // pppd's "must be root" status for a missing capability; any other failure is fatal.
    const exitCode = code === 'SY_ERR_RAW_PERMISSION' ? PppdExit.notRoot : PppdExit.fatalError;
    throw new PptpClientError(clientEnd('local-error', message, { exitCode }));
  }
  return endpoint;
}
