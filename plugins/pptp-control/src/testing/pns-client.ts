// A minimal PPTP client (PNS) over a real TCP socket for plugin tests: our PNS machine and framer,
// recording every output so tests can wait for calls, disconnects and stops.
import { connect, type Socket } from 'node:net';
import { SystemClock } from '@switchyard/core';
import { PptpFramer } from '../codec/framer.js';
import { encodePptpMessage } from '../codec/message-codec.js';
import { CallIdAllocator } from '../machine/call-id-allocator.js';
import { PnsControlConnection, type PnsControlInput } from '../machine/pns-control-connection.js';
import type { ControlOutput } from '../machine/types.js';

export class PnsTestClient {
  readonly outputs: ControlOutput[] = [];
  readonly socket: Socket;
  closed = false;
  private readonly machine: PnsControlConnection;
  private readonly framer = new PptpFramer();

  private constructor(socket: Socket, callIdsFirst: number) {
    this.socket = socket;
    this.machine = new PnsControlConnection({
      clock: new SystemClock(),
      emit: (outputs) => this.apply(outputs),
      callIds: new CallIdAllocator({ first: callIdsFirst }),
    });
    socket.on('data', (chunk) => {
      for (const r of this.framer.push(chunk)) if (r.ok) this.input({ type: 'message', message: r.value });
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      this.closed = true;
      this.input({ type: 'tcp-closed' });
    });
  }

  static async connect(port: number, callIdsFirst = 40000): Promise<PnsTestClient> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new PnsTestClient(socket, callIdsFirst);
    client.input({ type: 'open' });
    return client;
  }

  input(input: PnsControlInput): void {
    this.apply(this.machine.handle(input));
  }

  /** The first output of `type` matching `where`, waiting up to `timeoutMs`. */
  async waitFor<T extends ControlOutput['type']>(
    type: T,
    where: (o: Extract<ControlOutput, { type: T }>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<Extract<ControlOutput, { type: T }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.outputs.find(
        (o): o is Extract<ControlOutput, { type: T }> => o.type === type && where(o as never),
      );
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no ${type} output within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  destroy(): void {
    this.socket.destroy();
  }

  private apply(outputs: readonly ControlOutput[]): void {
    for (const output of outputs) {
      this.outputs.push(output);
      if (output.type === 'send' && !this.socket.destroyed)
        this.socket.write(encodePptpMessage(output.message));
      if (output.type === 'close') this.socket.end();
    }
  }
}
