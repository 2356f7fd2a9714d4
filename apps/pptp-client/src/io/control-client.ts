// The client's PPTP control connection (RFC 2637 §3, PNS side): one TCP connection to port 1723, bytes
// through PptpFramer into the PnsControlConnection machine, its outputs back out as TCP writes, and the
// lifecycle as events. The only file of the client that imports node:net.
import { connect as tcpConnect, type Socket } from 'node:net';
import type { Clock, Logger } from '@switchyard/core';
import {
  PptpFramer,
  PnsControlConnection,
  encodePptpMessage,
  formatPptpMessage,
  type CallDownReason,
  type CallIdAllocator,
  type CallInfo,
  type ControlCloseReason,
  type ControlOutput,
  type ControlTimers,
  type OutgoingCallParameters,
  type OutgoingCallReply,
  type PeerInfo,
  type PnsControlInput,
  type PnsIdentity,
} from '@switchyard/plugin-pptp-control';
import { hexExcerpt } from '@switchyard/wire';
import { EventEmitter } from 'eventemitter3';

export interface ControlClientOptions {
  /** Server name or IPv4 address. */
  readonly host: string;
  readonly port: number;
  /** Bind the TCP socket to this local address (e.g. to pick the interface a benchmark uses). */
  readonly localAddress?: string;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Shared by every connection of one process, so GRE keys never collide (RFC 2637 §3.2.2). */
  readonly callIds: CallIdAllocator;
  readonly identity?: Partial<PnsIdentity>;
  readonly timers?: Partial<ControlTimers>;
}

export interface ControlClientEvents {
  established: [peer: PeerInfo];
  callUp: [call: CallInfo];
  callDown: [call: CallInfo, reason: CallDownReason];
  /** The machine is done (always the last event); the TCP socket is ending. */
  closed: [reason: ControlCloseReason];
}

/** A TCP connect failure, with the errno code (ECONNREFUSED, EHOSTUNREACH…). */
export class TcpConnectError extends Error {
  override readonly name = 'TcpConnectError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export class ControlClient {
  readonly events = new EventEmitter<ControlClientEvents>();
  private readonly machine: PnsControlConnection;
  private readonly framer = new PptpFramer();
  private readonly logger: Logger;
  private closeReason: ControlCloseReason | undefined;
  /** Known while the outputs that precede the machine's `close` are being applied. */
  private closing: ControlCloseReason | undefined;
  /** The last Outgoing-Call-Reply received, for the result code of a rejected call. */
  lastCallReply: OutgoingCallReply | undefined;
  private pendingCallId: number | undefined;
  private resolveClosed!: (reason: ControlCloseReason) => void;
  /** Settles once the machine closed (the socket is then ending or gone). */
  readonly closed = new Promise<ControlCloseReason>((resolve) => (this.resolveClosed = resolve));

  /** Opens the TCP connection and sends Start-Control-Connection-Request (RFC 2637 §3.1.1). */
  static connect(options: ControlClientOptions, signal?: AbortSignal): Promise<ControlClient> {
    return new Promise((resolve, reject) => {
      const socket = tcpConnect({
        host: options.host,
        port: options.port,
        family: 4, // GRE here is IPv4 only (RFC 2637 §4.1 and our raw socket)
        noDelay: true,
        ...(options.localAddress !== undefined && { localAddress: options.localAddress }),
      });
      const onAbort = () => {
        socket.destroy();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('error', (error: NodeJS.ErrnoException) => {
        signal?.removeEventListener('abort', onAbort);
        reject(new TcpConnectError(error.code ?? 'EIO', error.message));
      });
      socket.once('connect', () => {
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('error');
        resolve(new ControlClient(socket, options));
      });
    });
  }

  private constructor(
    private readonly socket: Socket,
    options: ControlClientOptions,
  ) {
    this.logger = options.logger;
    this.machine = new PnsControlConnection({
      clock: options.clock,
      emit: (outputs) => this.apply(outputs),
      callIds: options.callIds,
      ...(options.identity !== undefined && { identity: options.identity }),
      ...(options.timers !== undefined && { timers: options.timers }),
    });
    socket.on('data', (chunk) => this.receive(chunk));
    socket.on('error', (error) => this.logger.debug('control connection error', { error: error.message }));
    socket.on('close', () => this.input({ type: 'tcp-closed' }));
    this.input({ type: 'open' });
  }

  /** The server's address as the socket sees it (GRE goes there). */
  get remoteAddress(): string {
    return (this.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  }

  get localAddress(): string {
    return (this.socket.localAddress ?? '').replace(/^::ffff:/, '');
  }

  get isClosed(): boolean {
    return this.closeReason !== undefined;
  }

  /** Why the machine closed, already during the call-down events that precede its close. */
  get closeCause(): ControlCloseReason | undefined {
    return this.closeReason ?? this.closing;
  }

  /** True while `callId` is in the machine's call table (placed and not yet down). */
  hasCall(callId: number): boolean {
    return this.machine.calls.some((call) => call.callId === callId);
  }

  /** Sends Outgoing-Call-Request (RFC 2637 §2.7); returns the Call ID it chose. */
  placeCall(parameters: OutgoingCallParameters): number {
    this.pendingCallId = undefined;
    this.input({ type: 'place-call', parameters });
    const callId = this.pendingCallId;
    if (callId === undefined) throw new Error('pptp-client: the control machine placed no call');
    return callId;
  }

  /** Sends Call-Clear-Request; the PAC answers with Call-Disconnect-Notify (RFC 2637 §3.2.4.2). */
  clearCall(callId: number): void {
    this.input({ type: 'clear-call', callId });
  }

  /** Sends Stop-Control-Connection-Request and closes after the reply (or its time-out). */
  stop(): Promise<ControlCloseReason> {
    this.input({ type: 'stop', reason: 1 }); // General Request: "no more calls" (RFC 2637 §2.3)
    return this.closed;
  }

  /** Closes the socket at once (a set-up that gave up before the handshake). */
  destroy(): void {
    this.socket.destroy();
  }

  private receive(chunk: Uint8Array): void {
    for (const result of this.framer.push(chunk)) {
      if (result.ok) {
        if (this.logger.debugEnabled) this.logger.debug(`rcvd ${formatPptpMessage(result.value)}`);
        if (result.value.type === 'OutgoingCallReply') this.lastCallReply = result.value;
        this.input({ type: 'message', message: result.value });
      } else {
        this.logger.warn(`malformed control message, closing: ${result.error.message}`, {
          bytes: hexExcerpt(chunk),
        });
        this.input({ type: 'malformed', error: result.error });
        return;
      }
    }
  }

  private input(input: PnsControlInput): void {
    if (this.closeReason === undefined) this.apply(this.machine.handle(input));
  }

  private apply(outputs: readonly ControlOutput[]): void {
    const last = outputs[outputs.length - 1];
    if (last?.type === 'close') this.closing = last.reason; // 'close' is always the last output
    for (const output of outputs) {
      switch (output.type) {
        case 'send':
          if (this.logger.debugEnabled) this.logger.debug(`sent ${formatPptpMessage(output.message)}`);
          if (!this.socket.destroyed) this.socket.write(encodePptpMessage(output.message));
          break;
        case 'close':
          this.finish(output.reason);
          break;
        case 'established':
          this.events.emit('established', output.peer);
          break;
        case 'call-pending':
          this.pendingCallId = output.call.callId;
          break;
        case 'call-up':
          this.events.emit('callUp', output.call);
          break;
        case 'call-down':
          this.events.emit('callDown', output.call, output.reason);
          break;
        case 'wan-error':
          this.logger.warn('WAN-Error-Notify from the server', { call: output.call.callId });
          break;
        case 'ignored':
          this.logger.debug(`ignored ${formatPptpMessage(output.message)}: ${output.why}`);
          break;
        case 'state':
          this.logger.debug(`pptp-control: ${output.from} => ${output.to} (${output.cause})`);
          break;
        case 'link-info':
          break;
      }
    }
  }

  private finish(reason: ControlCloseReason): void {
    if (this.closeReason !== undefined) return;
    this.closeReason = reason;
    this.logger.debug(`control connection closed: ${reason}`);
    // Flush what the machine sent last (Stop-Control-Connection-Reply), then close; a server that
    // never reads must not hold the socket open.
    this.socket.end();
    setTimeout(() => this.socket.destroy(), 2000).unref();
    this.events.emit('closed', reason);
    this.resolveClosed(reason);
  }
}
