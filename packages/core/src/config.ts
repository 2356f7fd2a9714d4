// Config validation: every plugin's section is checked against its schema in one ajv pass with
// allErrors, then each plugin's own validate(); every problem is reported with path, value and
// reason before anything starts. The validated config is deep-frozen.
import AjvModule from 'ajv';
import type { ErrorObject } from 'ajv';
import formatsModule from 'ajv-formats';
import { ConfigError, type ConfigProblem } from './errors.js';
import { LogLevels } from './logger.js';
import type { ConfigSchema, Plugin } from './plugin.js';

// ajv is CommonJS: under NodeNext the default import is module.exports, which is the class itself.
const Ajv = AjvModule as unknown as typeof AjvModule.default;
const addFormats = formatsModule as unknown as typeof formatsModule.default;

/** The section core owns. */
export interface CoreConfig {
  readonly log: { readonly level: (typeof LogLevels)[number]; readonly format: 'text' | 'json' };
}

export const coreConfigSchema = {
  type: 'object',
  additionalProperties: false,
  default: {},
  properties: {
    log: {
      type: 'object',
      additionalProperties: false,
      default: {},
      properties: {
        level: { enum: [...LogLevels], default: 'info' },
        format: { enum: ['text', 'json'], default: 'text' },
      },
    },
  },
} as const;

export type ApplianceConfig = { readonly core: CoreConfig } & Readonly<Record<string, unknown>>;

export function mergedSchema(plugins: readonly Plugin[]): ConfigSchema {
  const properties: Record<string, unknown> = { core: coreConfigSchema };
  for (const plugin of plugins) {
    properties[plugin.id] = {
      default: {},
      ...(plugin.configSchema ?? { type: 'object', additionalProperties: false }),
    };
  }
  return { type: 'object', additionalProperties: false, properties };
}

/** Validates (and fills defaults into a copy of) `input`; throws ConfigError listing every problem. */
export function validateConfig(plugins: readonly Plugin[], input: unknown): ApplianceConfig {
  const config = structuredClone(input ?? {}) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, useDefaults: true, strict: true, allowUnionTypes: true });
  addFormats(ajv, ['ipv4', 'hostname', 'uri']); // schemas say `format: 'ipv4'` for addresses
  const validate = ajv.compile(mergedSchema(plugins));
  const problems: ConfigProblem[] = [];
  if (!validate(config)) {
    problems.push(...(validate.errors ?? []).map((e) => toProblem(e, config)));
  } else {
    for (const plugin of plugins) {
      const section = config[plugin.id];
      for (const p of plugin.validate?.(section as never) ?? []) {
        problems.push({ ...p, path: `/${plugin.id}${p.path.startsWith('/') ? '' : '/'}${p.path}` });
      }
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze(config) as ApplianceConfig;
}

function toProblem(error: ErrorObject, root: unknown): ConfigProblem {
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const path = `${error.instancePath}/${String(params.additionalProperty)}`;
    return { path, value: valueAt(root, path), reason: 'unknown setting' };
  }
  if (error.keyword === 'required') {
    return {
      path: `${error.instancePath}/${String(params.missingProperty)}`,
      value: undefined,
      reason: 'is required',
    };
  }
  const detail =
    error.keyword === 'enum' ? `: ${(params.allowedValues as unknown[]).map(String).join(', ')}` : '';
  return {
    path: error.instancePath || '/',
    value: valueAt(root, error.instancePath),
    reason: `${error.message}${detail}`,
  };
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const part of pointer.split('/').slice(1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
