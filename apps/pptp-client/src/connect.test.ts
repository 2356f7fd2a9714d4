// connect()'s failures before PPP (root: the client holds a raw GRE socket): a scripted PAC on loopback
// answers, refuses or stays silent, and each failure must end with its cause and pppd's exit status, with
// the TCP connection closed and nothing left open. Successful sessions are tested against the appliance
// in test/src/integration/pptp-client.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, describe, test } from 'node:test';
import { createLogger } from '@switchyard/core';
import { PptpFramer, encodePptpMessage, type PptpMessage } from '@switchyard/plugin-pptp-control';
import { connect } from './connect.js';
import { PptpClientError, type ClientEnd } from './machine/end.js';

const isRoot = process.getuid?.() === 0;
const quiet = createLogger({ level: 'error', sink: () => {} });

/** A PAC that answers each message of the client with what `script` returns, and records everything. */
class ScriptedPac {
  readonly received: PptpMessage['type'][] = [];
  closed = false;
  port = 0;
  private server: Server | undefined;

  static async start(script: (m: PptpMessage) => PptpMessage[]): Promise<ScriptedPac> {
    const pac = new ScriptedPac();
    const server = createServer((socket: Socket) => {
      const framer = new PptpFramer();
      socket.on('data', (chunk) => {
        for (const r of framer.push(chunk)) {
          if (!r.ok) continue;
          pac.received.push(r.value.type);
          for (const reply of script(r.value)) socket.write(encodePptpMessage(reply));
        }
      });
      socket.on('error', () => {});
      socket.on('close', () => (pac.closed = true));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    pac.server = server;
    pac.port = (server.address() as { port: number }).port;
    return pac;
  }

  async waitClosed(): Promise<void> {
    for (let i = 0; i < 200 && !this.closed; i++) await new Promise((r) => setTimeout(r, 10));
    assert.ok(this.closed, 'the client closed its TCP connection');
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    return new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

const SCCRP = (resultCode: number): PptpMessage => ({
  type: 'StartControlConnectionReply',
  protocolVersion: 0x100,
  resultCode,
  errorCode: 0,
  framingCapabilities: 0,
  bearerCapabilities: 0,
  maximumChannels: 1,
  firmwareRevision: 1,
  hostName: 'local',
  vendorString: 'linux',
});

async function failure(promise: Promise<unknown>): Promise<ClientEnd> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PptpClientError, String(error));
    return error.end;
  }
  assert.fail('connect() succeeded');
}

const options = (port: number) => ({
  server: '127.0.0.1',
  port,
  user: 'vpn1',
  password: '123456',
  logger: quiet,
  timeoutMs: 2000,
});

describe('connect() failures before PPP', { skip: isRoot ? false : 'needs root (raw GRE socket)' }, () => {
  const pacs: ScriptedPac[] = [];
  after(() => Promise.all(pacs.map((p) => p.stop())));
  const pac = async (script: (m: PptpMessage) => PptpMessage[]) => {
    const p = await ScriptedPac.start(script);
    pacs.push(p);
    return p;
  };

  test('TCP refused: connect-failed, exit 8 (pppd EXIT_CONNECT_FAILED)', async () => {
    const p = await pac(() => []);
    await p.stop(); // nothing listens on its port any more
    const end = await failure(connect(options(p.port)));
    assert.equal(end.code, 'connect-failed');
    assert.match(end.detail ?? '', /ECONNREFUSED/);
    assert.equal(end.exitCode, 8);
  });

  test('a server that never answers SCCRQ: setup-timeout naming the step, exit 8, TCP closed', async () => {
    const p = await pac(() => []);
    const end = await failure(connect({ ...options(p.port), timeoutMs: 300 }));
    assert.deepEqual(end, {
      code: 'setup-timeout',
      detail: 'no Start-Control-Connection-Reply within 0.3 s',
      exitCode: 8,
    });
    await p.waitClosed();
  });

  test('SCCRP with an error result: control-failed (RFC 2637 §2.2)', async () => {
    const p = await pac((m) => (m.type === 'StartControlConnectionRequest' ? [SCCRP(2)] : []));
    const end = await failure(connect(options(p.port)));
    assert.equal(end.code, 'control-failed');
    assert.equal(end.exitCode, 8);
    await p.waitClosed();
  });

  test('OCRP "busy": call-rejected with the result code, then Stop-Control-Connection-Request', async () => {
    const p = await pac((m) => {
      if (m.type === 'StartControlConnectionRequest') return [SCCRP(1)];
      if (m.type === 'OutgoingCallRequest') {
        return [
          {
            type: 'OutgoingCallReply',
            callId: 0,
            peerCallId: m.callId,
            resultCode: 4,
            errorCode: 0,
            causeCode: 0,
            connectSpeed: 0,
            packetRecvWindowSize: 0,
            packetProcessingDelay: 0,
            physicalChannelId: 0,
          },
        ];
      }
      if (m.type === 'StopControlConnectionRequest') {
        return [{ type: 'StopControlConnectionReply', resultCode: 1, errorCode: 0 }];
      }
      return [];
    });
    const end = await failure(connect(options(p.port)));
    assert.equal(end.code, 'call-rejected');
    assert.match(end.detail ?? '', /result 4/);
    await p.waitClosed();
    assert.deepEqual(p.received, [
      'StartControlConnectionRequest',
      'OutgoingCallRequest',
      'StopControlConnectionRequest',
    ]);
  });

  test('an aborted set-up ends with exit 5, as pppd on a signal', async () => {
    const p = await pac(() => []);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 100);
    const end = await failure(connect({ ...options(p.port), signal: abort.signal }));
    assert.equal(end.code, 'shutdown');
    assert.equal(end.exitCode, 5);
    await p.waitClosed();
  });
});
