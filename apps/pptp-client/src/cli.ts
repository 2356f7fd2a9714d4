// Command line of switchyard-pptp: the client (default) and `load`. Pure: argv in, a command (or a usage
// error) out; files named here (password, resolv, JSON report) are opened by run.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatCidr, parseCidr, parseIpv4, type Cidr } from './codec/ipv4.js';
import { MIN_PACKET_BYTES } from './codec/udp-packet.js';
import type { Rate } from './machine/pacer.js';
import {
  DEFAULT_AUTH,
  DEFAULT_MPPE,
  mppeConfigFor,
  resolveAuth,
  type AuthProtocol,
  type MppeChoice,
} from './machine/ppp-choices.js';

export interface CommonCli {
  readonly server: string;
  readonly serverPort: number;
  readonly user: string;
  /** Exactly one of password and passwordFile is set. */
  readonly password?: string;
  readonly passwordFile?: string;
  readonly name?: string;
  readonly auth: readonly AuthProtocol[];
  readonly mppe: readonly MppeChoice[];
  readonly window: number;
  readonly timeoutSeconds: number;
  readonly mtu?: number;
  readonly mru?: number;
  readonly lcpEchoInterval?: number;
  readonly lcpEchoFailure?: number;
  readonly debug: boolean;
}

export interface ConnectCli extends CommonCli {
  readonly ifname: string;
  readonly routes: readonly Cidr[];
  readonly resolv?: string;
  readonly usepeerdns: boolean;
}

export interface TrafficCli {
  readonly kind: 'udp';
  readonly target: string;
  readonly port: number;
  readonly sizeBytes: number;
  readonly rate: Rate;
  readonly durationSeconds: number;
}

export interface LoadCli extends CommonCli {
  readonly sessions: number;
  readonly concurrency: number;
  readonly firstCallId: number;
  readonly traffic?: TrafficCli;
  readonly holdSeconds: number;
  readonly json?: string;
}

export type CliCommand =
  | { readonly kind: 'help'; readonly topic: 'connect' | 'load' }
  | { readonly kind: 'version' }
  | { readonly kind: 'connect'; readonly options: ConnectCli }
  | { readonly kind: 'load'; readonly options: LoadCli };

export type CliResult =
  | { readonly ok: true; readonly command: CliCommand }
  | { readonly ok: false; readonly error: string; readonly topic: 'connect' | 'load' };

class UsageError extends Error {}

const str = { type: 'string' } as const;
const flag = { type: 'boolean' } as const;
const list = { type: 'string', multiple: true } as const;
const COMMON = {
  server: str,
  'server-port': str,
  user: str,
  password: str,
  'password-file': str,
  name: str,
  auth: list,
  'refuse-pap': flag,
  'refuse-chap': flag,
  'refuse-mschap': flag,
  'refuse-mschap-v2': flag,
  'refuse-eap': flag,
  mppe: list,
  window: str,
  timeout: str,
  mtu: str,
  mru: str,
  'lcp-echo-interval': str,
  'lcp-echo-failure': str,
  debug: { type: 'boolean', short: 'd' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];
const CONNECT = {
  ...COMMON,
  ifname: str,
  route: list,
  resolv: str,
  'no-peerdns': flag,
  version: { type: 'boolean', short: 'v' },
} as const;
const LOAD = {
  ...COMMON,
  sessions: str,
  concurrency: str,
  'first-call-id': str,
  traffic: str,
  target: str,
  port: str,
  size: str,
  rate: str,
  duration: str,
  hold: str,
  json: str,
} as const;

type Values = Record<string, string | boolean | string[] | undefined>;

function integer(values: Values, name: string, fallback: number | undefined, min: number, max: number) {
  const text = values[name];
  if (text === undefined) return fallback;
  if (typeof text !== 'string' || !/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not '${String(text)}'`);
  }
  return Number(text);
}

function requiredInteger(values: Values, name: string, min: number, max: number): number {
  const value = integer(values, name, undefined, min, max);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}

const required = (values: Values, name: string): string => {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
};

/** `--mppe 128,40 --mppe stateful` → ['128', '40', 'stateful']. */
const words = (value: string | boolean | string[] | undefined): string[] =>
  (Array.isArray(value) ? value : [])
    .flatMap((v) => v.split(','))
    .map((w) => w.trim())
    .filter(Boolean);

function common(v: Values): CommonCli {
  if (v.password !== undefined && v['password-file'] !== undefined) {
    throw new UsageError('--password and --password-file cannot be used together');
  }
  if (v.password === undefined && v['password-file'] === undefined) {
    throw new UsageError('--password or --password-file is required');
  }
  const refused = ['pap', 'chap', 'mschap', 'mschap-v2'].filter((p) => v[`refuse-${p}`] === true);
  const authWords = words(v.auth);
  const auth = resolveAuth(authWords.length > 0 ? authWords : DEFAULT_AUTH, refused);
  if (!auth.ok) throw new UsageError(auth.error);
  const mppeWords = words(v.mppe);
  const mppe = mppeWords.length > 0 ? mppeWords : [...DEFAULT_MPPE];
  const checked = mppeConfigFor(mppe);
  if (!checked.ok) throw new UsageError(checked.error);
  const optional = (name: string, min: number, max: number) => integer(v, name, undefined, min, max);
  const mtu = optional('mtu', 128, 16384);
  const mru = optional('mru', 128, 16384);
  const lcpEchoInterval = optional('lcp-echo-interval', 0, 86400);
  const lcpEchoFailure = optional('lcp-echo-failure', 0, 255);
  return {
    server: required(v, 'server'),
    serverPort: integer(v, 'server-port', 1723, 1, 65535) as number,
    user: required(v, 'user'),
    ...(typeof v.password === 'string' && { password: v.password }),
    ...(typeof v['password-file'] === 'string' && { passwordFile: v['password-file'] }),
    ...(typeof v.name === 'string' && { name: v.name }),
    auth: auth.value,
    mppe: mppe as MppeChoice[],
    window: integer(v, 'window', 64, 1, 65535) as number,
    timeoutSeconds: integer(v, 'timeout', 30, 1, 3600) as number,
    ...(mtu !== undefined && { mtu }),
    ...(mru !== undefined && { mru }),
    ...(lcpEchoInterval !== undefined && { lcpEchoInterval }),
    ...(lcpEchoFailure !== undefined && { lcpEchoFailure }),
    debug: v.debug === true,
  };
}

function connectCommand(v: Values): ConnectCli {
  const routes = words(v.route).map((text) => {
    const cidr = parseCidr(text);
    if (cidr === undefined) throw new UsageError(`--route ${text}: not an IPv4 prefix such as 10.0.0.0/24`);
    return cidr;
  });
  const seen = new Set(routes.map(formatCidr));
  if (seen.size !== routes.length) throw new UsageError('--route: the same prefix is given twice');
  return {
    ...common(v),
    ifname: typeof v.ifname === 'string' ? v.ifname : 'pptp%d',
    routes,
    ...(typeof v.resolv === 'string' && { resolv: v.resolv }),
    usepeerdns: v['no-peerdns'] !== true,
  };
}

function traffic(v: Values): TrafficCli | undefined {
  const kind = v.traffic;
  if (kind === undefined) {
    const stray = ['target', 'port', 'size', 'rate', 'duration'].find((name) => v[name] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --traffic udp`);
    return undefined;
  }
  if (kind !== 'udp') throw new UsageError(`--traffic ${String(kind)}: only 'udp' is supported`);
  const target = required(v, 'target');
  if (parseIpv4(target) === undefined) throw new UsageError(`--target ${target}: not an IPv4 address`);
  const rateText = typeof v.rate === 'string' ? v.rate : '10';
  const rate = rateText === 'max' ? 'max' : Number(rateText);
  if (rate !== 'max' && !(Number.isFinite(rate) && rate > 0 && rate <= 1e6)) {
    throw new UsageError(`--rate ${rateText}: packets per second (up to 1000000) or 'max'`);
  }
  return {
    kind: 'udp',
    target,
    port: requiredInteger(v, 'port', 1, 65535),
    sizeBytes: integer(v, 'size', 512, MIN_PACKET_BYTES, 65535) as number,
    rate,
    durationSeconds: integer(v, 'duration', 10, 1, 86400) as number,
  };
}

function loadCommand(v: Values): LoadCli {
  const base = common(v);
  const json = v.json;
  const trafficCli = traffic(v);
  return {
    ...base,
    sessions: requiredInteger(v, 'sessions', 1, 65535),
    concurrency: integer(v, 'concurrency', 16, 1, 65535) as number,
    firstCallId: integer(v, 'first-call-id', 1, 1, 65535) as number,
    ...(trafficCli !== undefined && { traffic: trafficCli }),
    holdSeconds: integer(v, 'hold', 0, 0, 7 * 86400) as number,
    ...(typeof json === 'string' && { json }),
  };
}

export function parseCli(argv: readonly string[]): CliResult {
  const topic = argv[0] === 'load' ? 'load' : 'connect';
  const args = topic === 'load' ? argv.slice(1) : [...argv];
  try {
    const { values } = parseArgs({
      args,
      options: topic === 'load' ? LOAD : CONNECT,
      strict: true,
      allowPositionals: false,
    });
    const v = values as Values;
    if (v.help === true) return { ok: true, command: { kind: 'help', topic } };
    if (v.version === true) return { ok: true, command: { kind: 'version' } };
    return topic === 'load'
      ? { ok: true, command: { kind: 'load', options: loadCommand(v) } }
      : { ok: true, command: { kind: 'connect', options: connectCommand(v) } };
  } catch (error) {
    return { ok: false, error: (error as Error).message, topic };
  }
}
