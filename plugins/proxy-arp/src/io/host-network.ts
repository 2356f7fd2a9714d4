// What proxy ARP needs from the host, in one seam: the interface list, the published ARP entries and
// the ip_forward sysctl, all in one network namespace. The node-tun implementation is the only code
// of this plugin that touches the kernel; tests of the bookkeeping substitute a fake.
import {
  addProxyArp,
  deleteProxyArp,
  listIpv4Interfaces,
  readSysctl,
  writeSysctl,
} from '@switchyard/node-tun';
import type { InterfaceAddress } from '../machine/select-interface.js';

export interface HostNetwork {
  interfaces(): readonly InterfaceAddress[];
  /** Throws NodeTunError (SY_ERR_NET_NO_DEVICE, SY_ERR_NET_PERMISSION, SY_ERR_ARP). */
  publish(address: string, device: string): void;
  /** Throws NodeTunError; SY_ERR_ARP_NOT_FOUND when the entry is already gone. */
  unpublish(address: string, device: string): void;
  ipForwarding(): boolean;
  enableIpForwarding(): void;
}

const IP_FORWARD = 'net/ipv4/ip_forward';

export function kernelHostNetwork(netns: string | undefined): HostNetwork {
  const where = netns === undefined ? {} : { netns };
  return {
    interfaces: () => listIpv4Interfaces(where),
    publish: (address, device) => addProxyArp({ address, device, ...where }),
    unpublish: (address, device) => deleteProxyArp({ address, device, ...where }),
    ipForwarding: () => readSysctl(IP_FORWARD, where) !== '0',
    enableIpForwarding: () => writeSysctl(IP_FORWARD, 1, where),
  };
}
