#!/usr/bin/env node
// Runs the test suite with node's test runner (through tsx): `node scripts/run-tests.js [unit|medium|e2e ...]`.
// Node 20's runner takes no globs, so the files are listed here. Tiers run in order: unit, medium, e2e.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const tiers = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const selected = tiers.length > 0 ? tiers : ['unit', 'medium', 'e2e'];

function findTests(dir) {
  let found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found = found.concat(findTests(path));
    else if (/\.test\.tsx?$/.test(name)) found.push(path);
  }
  return found;
}

const files = selected.flatMap((tier) => findTests(join(root, 'test', tier)));
if (files.length === 0) {
  console.error(`No test files found for: ${selected.join(', ')}`);
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? '1';
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
  { stdio: 'inherit', cwd: root },
);
process.exit(result.status ?? 1);
