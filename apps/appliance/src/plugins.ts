// The plugins the PPTP appliance is assembled from, in no particular order: core orders them by the
// tokens they provide and require. Swapping one (say, a RADIUS credential store for secrets-file) is a
// change to this list and the config, never to another plugin.
import type { Plugin } from '@switchyard/core';
import { authChapMd5Plugin } from '@switchyard/plugin-auth-chap-md5';
import { authMschapv1Plugin } from '@switchyard/plugin-auth-mschapv1';
import { authMschapv2Plugin } from '@switchyard/plugin-auth-mschapv2';
import { authPapPlugin } from '@switchyard/plugin-auth-pap';
import { grePlugin } from '@switchyard/plugin-gre';
import { ipPoolPlugin } from '@switchyard/plugin-ip-pool';
import { ipcpPlugin } from '@switchyard/plugin-ipcp';
import { lcpPlugin } from '@switchyard/plugin-lcp';
import { mppePlugin } from '@switchyard/plugin-mppe';
import { pppPlugin } from '@switchyard/plugin-ppp';
import { pppScriptsPlugin } from '@switchyard/plugin-ppp-scripts';
import { pptpControlPlugin } from '@switchyard/plugin-pptp-control';
import { proxyArpPlugin } from '@switchyard/plugin-proxy-arp';
import { secretsFilePlugin } from '@switchyard/plugin-secrets-file';
import { sessionLogPlugin } from '@switchyard/plugin-session-log';
import { tunPlugin } from '@switchyard/plugin-tun';

export const appliancePlugins: readonly Plugin<never>[] = [
  pptpControlPlugin,
  grePlugin,
  pppPlugin,
  lcpPlugin,
  authMschapv2Plugin,
  authMschapv1Plugin,
  authChapMd5Plugin,
  authPapPlugin,
  mppePlugin,
  ipcpPlugin,
  ipPoolPlugin,
  secretsFilePlugin,
  tunPlugin,
  proxyArpPlugin,
  pppScriptsPlugin,
  sessionLogPlugin,
] as Plugin<never>[];
