// @switchyard/plugin-ipcp: the PPP IP Control Protocol (RFC 1332, RFC 1877) as a NetworkControlFactory.
export { ipcpPlugin } from './plugin.js';
export { createIpcpFactory } from './factory.js';
export {
  type IpcpConfig,
  IPCP_DEFAULTS,
  ipcpConfigSchema,
  resolveIpcpConfig,
  validateIpcpConfig,
} from './config.js';
export { Ipcp, type IpcpSetup } from './machine/ipcp.js';
export { allocateLease, type IpcpDependencies, type LeaseOutcome } from './machine/lease.js';
export { ipAddressOption, type IpAddressPolicy } from './options/ip-address.js';
export { nameServerOption, NameServerType, type NameServerPolicy } from './options/name-server.js';
export { ipCompressionOption } from './options/ip-compression.js';
export { ipAddressesOption } from './options/ip-addresses.js';
export { parseIpv4, formatIpv4 } from './options/ipv4.js';
