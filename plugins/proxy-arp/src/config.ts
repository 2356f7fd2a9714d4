// The proxy-arp config section: pppd's `proxyarp` and `ktune` options (pppd.8), on for an appliance
// that lists the plugin.

export interface ProxyArpConfig {
  /** pppd `proxyarp`; default true when the plugin is listed (`false` keeps it listed but idle). */
  readonly enabled: boolean;
  /**
   * pppd `ktune`: set net.ipv4.ip_forward=1 at start (pppd does it when it adds its entry). Proxy ARP
   * does nothing without forwarding: the kernel only answers for addresses it would forward to. The
   * old value is not restored at stop, as pppd does not restore it either.
   */
  readonly ktune: boolean;
  /** Network namespace holding the LAN interfaces (tests). */
  readonly netns?: string;
}

export const proxyArpConfigSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    enabled: { type: 'boolean', default: true },
    ktune: { type: 'boolean', default: false },
    netns: { type: 'string', minLength: 1 },
  },
} as const;
