// The interop harness's public surface (see README-harness.md): the fixture most tests need, and the building
// blocks (topology, UML, client, servers) for tests that compose their own.
export { type ClientRunOptions, type InteropEnv, type InteropOptions, type ServerSpec } from './interop.js';
export { interopSkipReason, withInterop } from './interop.js';
export { type Capture, startCapture } from './capture.js';
export { Cleanup } from './cleanup.js';
export * from './client-result.js';
export { type CmdResult, HarnessError, run, runIn, waitFor } from './exec.js';
export { type NativeServerContext, type NativeServerSpec, startNativeServer } from './native-server.js';
export { sweepStale } from './netns.js';
export {
  type ClientPlacement,
  type ClientUpInfo,
  type MppeMode,
  type PptpClientOptions,
} from './pptp-client.js';
export { runPptpClient } from './pptp-client.js';
export {
  type ReferenceServerOptions,
  pppdLinesFromSyslog,
  startReferenceServer,
} from './reference-server.js';
export {
  SEED_CONF_DIR,
  SEED_EXPECT,
  SEED_FILES,
  type SeedFiles,
  type SeedPaths,
  writeSeedFiles,
} from './seed-config.js';
export { type ServerHandle, type ServerSession } from './server-handle.js';
export { type ClientSlot, type NativeClientSlot, type SeedTopology, type ServerMode } from './topology.js';
export { SEED_NET, buildSeedTopology } from './topology.js';
export { ensureUmlModules, umlSkipReason, umlSpawnEnv } from './uml-host.js';
export { type UmlEvent, type UmlInstance, type UmlOptions, bootUml } from './uml.js';
