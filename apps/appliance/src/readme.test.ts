// README.md shows configuration to users: the examples there must be the ones that work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { validateConfig } from '@switchyard/core';
import { seedChapSecrets, seedOptionsPptpd, seedPptpdConf } from './compat/testing/seed.js';
import { appliancePlugins } from './plugins.js';

const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8');
const blocks = (lang: string) =>
  [...readme.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

test("the README's native YAML example is a valid configuration for the appliance", () => {
  const yaml = blocks('yaml');
  assert.equal(yaml.length, 1);
  assert.doesNotThrow(() => validateConfig(appliancePlugins, parseYaml(yaml[0]!)));
});

test("the README shows the seed's files as they are", () => {
  const without = (file: string, comment: string) => file.replace(`${comment}\n`, '');
  assert.deepEqual(blocks('text'), [
    without(seedPptpdConf, '# pptpd.conf'),
    without(seedOptionsPptpd, '# options.pptpd'),
    without(seedChapSecrets, '# PPTP User Accounts'),
  ]);
});
