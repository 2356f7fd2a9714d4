// The plugins this appliance is assembled from, in no particular order: core orders them by the tokens
// they provide and require.
import type { Plugin } from '@switchyard/core';
import { grePlugin } from '@switchyard/plugin-gre';
import { pptpControlPlugin } from '@switchyard/plugin-pptp-control';
import { sessionLogPlugin } from '@switchyard/plugin-session-log';

export const appliancePlugins: readonly Plugin<never>[] = [
  pptpControlPlugin,
  grePlugin,
  sessionLogPlugin,
] as Plugin<never>[];
