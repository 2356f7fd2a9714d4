// @switchyard/plugin-proxy-arp: pppd's `proxyarp` (and `ktune`) for every session of the appliance.
export { proxyArpPlugin } from './plugin.js';
export { proxyArpConfigSchema, type ProxyArpConfig } from './config.js';
export { IfFlags, selectProxyArpInterface, type InterfaceAddress } from './machine/select-interface.js';
export { ProxyArpEntries, type SessionHandle } from './io/proxy-arp-entries.js';
export { kernelHostNetwork, type HostNetwork } from './io/host-network.js';
