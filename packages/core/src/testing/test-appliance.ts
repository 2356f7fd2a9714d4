// Builds an appliance for a test: a ManualClock, captured logs and an isolated container by default.
import { Appliance } from '../appliance.js';
import type { Plugin } from '../plugin.js';
import { LogCapture } from './log-capture.js';
import { ManualClock } from './manual-clock.js';

export interface TestAppliance {
  readonly appliance: Appliance;
  readonly clock: ManualClock;
  readonly logs: LogCapture;
}

export function testAppliance(plugins: readonly Plugin<never>[], config: unknown = {}): TestAppliance {
  const clock = new ManualClock();
  const logs = new LogCapture();
  const withDebug = { ...(config as object), core: { log: { level: 'debug' } } };
  const appliance = new Appliance({ plugins, config: withDebug, clock, logSink: logs.sink });
  return { appliance, clock, logs };
}
