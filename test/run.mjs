// Runs every compiled test file of every workspace with node's test runner (spec output), then prints
// the plain closing line CI reads: "N passed, N failed".
// Usage: node test/run.mjs [--only SUBSTRING]   (builds are done by scripts/setup.sh / turbo beforehand)
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

function testFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...testFiles(path));
    else if (entry.endsWith('.test.js')) out.push(path);
  }
  return out;
}

const workspaces = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).workspaces;
const dists = workspaces
  .flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2))).map((d) => join(root, pattern.slice(0, -2), d))
      : [join(root, pattern)],
  )
  .map((dir) => join(dir, 'dist'))
  .filter((dist) => existsSync(dist));
const files = dists
  .flatMap(testFiles)
  .filter((f) => !only || relative(root, f).includes(only))
  .sort();
if (files.length === 0) {
  console.log('no test files found: run the build first (npm test does)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const summaryFile = join(tmpdir(), `switchyard-test-summary-${process.pid}.json`);
const child = spawn(
  process.execPath,
  [
    '--test',
    '--test-timeout=600000',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${join(root, 'test', 'count-reporter.mjs')}`,
    `--test-reporter-destination=${summaryFile}`,
    ...files,
  ],
  { stdio: ['ignore', 'inherit', 'inherit'], cwd: root },
);
child.on('exit', (code, signal) => {
  let summary = { passed: 0, failed: 1, skipped: 0 };
  try {
    summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
    rmSync(summaryFile);
  } catch {
    console.log(`test runner ended without a summary (exit ${code ?? signal})`);
  }
  const failed = summary.failed + (code !== 0 && summary.failed === 0 ? 1 : 0);
  console.log(`\n${files.length} test files`);
  console.log(
    `${summary.passed} passed, ${failed} failed${summary.skipped ? `, ${summary.skipped} skipped` : ''}`,
  );
  process.exit(failed > 0 ? 1 : 0);
});
