// A stand-in for CCP with required MPPE: a gating NCP that says nothing on the wire and opens, fails or
// installs its transform when the test says so.
import type { CloseReason } from '@switchyard/core';
import type { DataTransform, NetworkControlFactory, PppContext, ProtocolEvents } from '@switchyard/ppp';

/** Wraps covered frames in 0x00fd with a 2-byte header, as MPPE would (RFC 3078 §3), without the cipher. */
export const wrapTransform: DataTransform = {
  covers: (protocol) => protocol >= 0x21 && protocol <= 0xfa,
  protect: (protocol, payload) => ({
    protocol: 0xfd,
    payload: Uint8Array.of(0x90, 0x00, protocol, ...payload),
  }),
  overheadBytes: 4,
};

export function fakeGate() {
  let context: PppContext | undefined;
  let events: ProtocolEvents | undefined;
  const factory: NetworkControlFactory = {
    name: 'CCP',
    create: (c, e) => {
      context = c;
      events = e;
      return {
        name: 'CCP',
        gatesOthers: true,
        start: () => undefined,
        stop: () => undefined,
        dispose: () => undefined,
      };
    },
  };
  return {
    factory,
    open: () => {
      context!.setDataTransform(wrapTransform);
      events!.up();
    },
    fail: (reason: CloseReason) => events!.finished(reason),
  };
}
