// What a started PPTP server looks like to a test, whichever it is: the reference pptpd in a UML or our own
// server running natively in the server namespace.

export interface ServerSession {
  readonly event: 'up' | 'down';
  readonly ifname: string;
  readonly localIp: string;
  readonly remoteIp: string;
  readonly peerName: string;
}

export interface ServerHandle {
  readonly kind: 'reference' | 'native';
  /** The address clients dial (the server's WAN address). */
  readonly address: string;
  /** Start → TCP 1723 listening, in ms. */
  readonly readyMs: number;
  /** Everything the server logged so far (reference: the UML's syslog; native: its stdout and stderr). */
  logs(): string;
  /** ip-up/ip-down records, when the server runs pppd's scripts (the reference does; native: empty). */
  sessions(): ServerSession[];
  /** Stops the server and waits until its processes are gone. Idempotent; cleanup calls it too. */
  stop(): Promise<void>;
}
