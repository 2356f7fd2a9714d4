// The plugins this appliance is assembled from, in no particular order: core orders them by the tokens
// they provide and require.
import type { Plugin } from '@switchyard/core';
import { sessionLogPlugin } from '@switchyard/plugin-session-log';

export const appliancePlugins: readonly Plugin<never>[] = [sessionLogPlugin] as Plugin<never>[];
