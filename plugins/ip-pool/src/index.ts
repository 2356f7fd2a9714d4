// @switchyard/plugin-ip-pool: pptpd's `remoteip`/`localip` address pool as the appliance's AddressPool.
export { ipPoolPlugin, ipPoolToken } from './plugin.js';
export { ipPoolConfigSchema, validateIpPoolConfig, defaultLocalIp, type IpPoolConfig } from './config.js';
export { IpAddressPool, type IpPoolCounters } from './pool.js';
export { LeaseTable, type Allocation } from './machine/lease-table.js';
export { pairSlots, type Slot, type SlotPlan } from './machine/slots.js';
export { parseIpRanges, duplicateAddresses, type IpRangesParse } from './codec/ip-ranges.js';
export {
  compileAddressPolicy,
  authorizes,
  authorizesExplicitly,
  type AddressPolicy,
  type AddressRule,
} from './codec/address-policy.js';
export { parseIpv4, formatIpv4, badPeerAddress } from './codec/ipv4.js';
