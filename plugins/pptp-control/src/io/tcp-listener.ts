// The TCP side of PPTP control (RFC 2637 §2: port 1723): accepts connections and hands each one, as a
// ControlSocket, to the connection handler. The only file of this plugin that imports node:net.
import { createServer, type Server, type Socket } from 'node:net';

/** What a control connection needs of its TCP socket. */
export interface ControlSocket {
  readonly remoteAddress: string;
  write(bytes: Uint8Array): void;
  /** Flushes pending writes, then closes. */
  end(): void;
  onData(handler: (chunk: Uint8Array) => void): void;
  /** Called once when the connection is gone (either side, or an error). */
  onClose(handler: (error?: Error) => void): void;
}

export interface TcpListener {
  readonly port: number;
  close(): Promise<void>;
}

export async function listenTcp(
  host: string,
  port: number,
  onConnection: (socket: ControlSocket) => void,
): Promise<TcpListener> {
  const open = new Set<Socket>();
  const server: Server = createServer({ noDelay: true }, (socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    onConnection(wrap(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, backlog: 128 }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function wrap(socket: Socket): ControlSocket {
  return new NetControlSocket(socket);
}

/** A class: one object per connection where an object literal held four closures and their context. */
class NetControlSocket implements ControlSocket {
  readonly remoteAddress: string;
  private closeError: Error | undefined;

  constructor(private readonly socket: Socket) {
    this.remoteAddress = (socket.remoteAddress ?? '0.0.0.0').replace(/^::ffff:/, '');
    socket.on('error', (error) => (this.closeError = error)); // 'close' follows; never an uncaught error
  }

  write(bytes: Uint8Array): void {
    this.socket.write(bytes);
  }

  end(): void {
    const { socket } = this;
    socket.end();
    // A peer that never reads must not hold the socket open forever.
    setTimeout(() => socket.destroy(), 5000).unref();
  }

  onData(handler: (chunk: Uint8Array) => void): void {
    this.socket.on('data', handler);
  }

  onClose(handler: (error?: Error) => void): void {
    this.socket.on('close', () => handler(this.closeError));
  }
}
