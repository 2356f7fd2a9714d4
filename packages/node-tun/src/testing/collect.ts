// Collects packets from a started device until a predicate has matched enough of them, with a
// timeout, copying each match out of the device's reused batch buffers.
import { copyPacket, type PacketBatch, type ReceivedBatch } from '../batch.js';

/** A copied packet and, for raw sockets, its IPv4 source. */
export interface CollectedPacket {
  data: Buffer;
  source: number | undefined;
}

/** Anything with TunDevice/RawIpSocket's start and stop. */
export interface Readable<B extends PacketBatch> {
  start(onPackets: (batch: B) => void, onError?: (error: Error) => void): void;
  stop(): void;
}

/** Options of {@link collectPackets}. */
export interface CollectOptions {
  count: number;
  timeoutMs?: number;
  match?: (packet: Buffer) => boolean;
  /** Called with each batch's size, e.g. to check batching. */
  onBatch?: (count: number) => void;
}

/** Starts `device` and resolves with the first `count` matching packets; stops it either way. */
export function collectPackets<B extends PacketBatch>(
  device: Readable<B>,
  options: CollectOptions,
): Promise<CollectedPacket[]> {
  const found: CollectedPacket[] = [];
  return new Promise<CollectedPacket[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      device.stop();
      reject(new Error(`timed out with ${found.length} of ${options.count} packets`));
    }, options.timeoutMs ?? 3000);
    const finish = (error?: Error): void => {
      clearTimeout(timer);
      device.stop();
      if (error === undefined) resolve(found);
      else reject(error);
    };
    device.start((batch) => {
      options.onBatch?.(batch.count);
      const sources = (batch as Partial<ReceivedBatch>).sources;
      for (let i = 0; i < batch.count && found.length < options.count; i++) {
        const data = copyPacket(batch, i);
        if (options.match === undefined || options.match(data)) found.push({ data, source: sources?.[i] });
      }
      if (found.length >= options.count) finish();
    }, finish);
  });
}
