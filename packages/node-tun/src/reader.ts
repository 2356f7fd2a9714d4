// The JS half of a device's read path: holds the handlers and the reused batch object, and decides
// where errors go. The native read callback runs from libuv, where a throw has no caller to reach,
// so failures go to the user's onError or become an uncaught exception.
import type { MutableBatch, PacketBatch, PacketHandler } from './batch.js';
import { callNative, fromNative, type NodeTunError } from './errors.js';
import type { NativeReadCallback } from './native.js';

/** Receives the error that stopped a device's reading. */
export type ErrorHandler = (error: NodeTunError) => void;

/** Hands `error` to `handler`, or rethrows it on the next tick (like an 'error' event nobody heard). */
export function reportAsync(handler: ErrorHandler | undefined, error: unknown): void {
  if (handler !== undefined) {
    try {
      handler(error as NodeTunError);
      return;
    } catch (thrown) {
      error = thrown;
    }
  }
  process.nextTick(() => {
    throw error;
  });
}

/** Native start/stop of one device. */
export interface NativeReadable {
  start(callback: NativeReadCallback): void;
  stop(): void;
}

export class BatchReader<B extends PacketBatch> {
  #onPackets: PacketHandler<B> | undefined;
  #onError: ErrorHandler | undefined;

  constructor(
    private readonly native: NativeReadable,
    private readonly batch: MutableBatch & B,
  ) {}

  get reading(): boolean {
    return this.#onPackets !== undefined;
  }

  start(onPackets: PacketHandler<B>, onError: ErrorHandler | undefined): void {
    this.#onPackets = onPackets;
    this.#onError = onError;
    try {
      callNative(() => this.native.start(this.#onNative));
    } catch (error) {
      this.#onPackets = undefined;
      throw error;
    }
  }

  /** Forgets the handlers; the caller stops or closes the native side. */
  detach(): void {
    this.#onPackets = undefined;
  }

  stop(): void {
    this.detach();
    this.native.stop();
  }

  readonly #onNative = (count: number, error?: Error): void => {
    if (count < 0) {
      this.#onPackets = undefined;
      reportAsync(this.#onError, fromNative(error));
      return;
    }
    const handler = this.#onPackets;
    if (handler === undefined) return;
    this.batch.count = count;
    try {
      handler(this.batch);
    } catch (thrown) {
      reportAsync(undefined, thrown);
    }
  };
}
