// ppp-scripts: pppd's ip-pre-up, ip-up and ip-down scripts for every session (pppd.8 SCRIPTS), run
// through IPCP's IpLayerHooks. Without a script configured nothing is registered, so IPCP keeps no
// hook and sessions carry nothing for this plugin.
import { userInfo } from 'node:os';
import {
  definePlugin,
  ipLayerHooksToken,
  packetSinkToken,
  type IpLayerHooks,
  type IpLayerInfo,
  type Logger,
  type Session,
} from '@switchyard/core';
import {
  anyScript,
  pppScriptsConfigSchema,
  validatePppScriptsConfig,
  type PppScriptsConfig,
} from './config.js';
import { SystemScriptHost } from './io/script-host.js';
import { IpLayerScripts } from './ip-layer-scripts.js';
import { ConcurrencyLimiter } from './machine/limiter.js';

/** Registered at register() (no I/O there); the scripts behind it exist from start() to stop(). */
class DeferredHooks implements IpLayerHooks {
  target: IpLayerScripts | undefined;

  beforeUp(session: Session, ip: IpLayerInfo): Promise<void> | undefined {
    return this.target?.beforeUp(session, ip);
  }

  up(session: Session, ip: IpLayerInfo): void {
    this.target?.up(session, ip);
  }

  down(session: Session, ip: IpLayerInfo): void {
    this.target?.down(session, ip);
  }
}

export const pppScriptsPlugin = definePlugin<PppScriptsConfig>({
  id: 'ppp-scripts',
  configSchema: pppScriptsConfigSchema,
  provides: [ipLayerHooksToken],
  uses: [packetSinkToken], // started after the TUN device, whose name is the scripts' $1
  validate: validatePppScriptsConfig,
  register: (container, config) => {
    if (anyScript(config)) container.registerInstance(ipLayerHooksToken, new DeferredHooks());
  },
  start: async ({ config, container, logger, clock }) => {
    if (!anyScript(config)) {
      logger.debug('no ip-up, ip-down or ip-pre-up script configured');
      return;
    }
    const hooks = container.resolve(ipLayerHooksToken) as DeferredHooks;
    const sink = container.isRegistered(packetSinkToken, true)
      ? container.resolve(packetSinkToken)
      : undefined;
    const host = new SystemScriptHost(clock, config.timeoutSeconds * 1000);
    const paths = { 'ip-pre-up': config.ipPreUp, 'ip-up': config.ipUp, 'ip-down': config.ipDown };
    await host.prime(Object.values(paths).filter((p): p is string => p !== undefined));
    for (const [kind, path] of Object.entries(paths)) {
      if (path === undefined) continue;
      const note = host.present(path) ? '' : ' (not there now; run once it exists, as pppd does)';
      logger.info(`${kind} script ${path}${note}`);
    }
    const limiter = new ConcurrencyLimiter(config.maxConcurrent);
    const daemon = {
      interfaceName: () => sink?.deviceName ?? 'none',
      loginName: loginName(),
      uid: process.getuid?.() ?? 0,
    };
    const scripts = new IpLayerScripts(config, daemon, limiter, host, clock);
    hooks.target = scripts;
    return {
      stop: async () => {
        scripts.beginStop();
        await waitBounded(limiter.idle(), config.stopTimeoutSeconds * 1000, clock);
        scripts.endStop();
        reportUnfinished(limiter.cancelWaiting(), host.processes.size, config, logger);
        host.processes.signalAll('SIGTERM'); // pppd childwait_end
        hooks.target = undefined;
      },
    };
  },
});

/** pppd's PPPLOGNAME: getlogin(), else the user name of our uid. */
function loginName(): string {
  try {
    return userInfo().username;
  } catch {
    return '(unknown)';
  }
}

function waitBounded(
  done: Promise<void>,
  limitMs: number,
  clock: { setTimer: (ms: number, f: () => void) => { cancel(): void } },
) {
  return new Promise<void>((resolve) => {
    const timer = clock.setTimer(limitMs, resolve);
    void done.then(() => {
      timer.cancel();
      resolve();
    });
  });
}

function reportUnfinished(dropped: number, running: number, config: PppScriptsConfig, logger: Logger): void {
  if (dropped === 0 && running === 0) return;
  logger.warn(
    `stopping after ${config.stopTimeoutSeconds} s with scripts unfinished: ${running} still running ` +
      `(sent SIGTERM), ${dropped} never started`,
  );
}
