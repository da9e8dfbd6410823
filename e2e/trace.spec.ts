import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { traceHash } from './helpers';

/** The headless runner's trace hash for the default scenario run 30 simulated seconds. */
function nodeTraceHash(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-trace-'));
  const file = join(dir, 'default.yaml');
  const text = execFileSync(
    'node',
    [
      '--import',
      'tsx',
      '-e',
      "import('./src/scenario/default.ts').then((m) => process.stdout.write(m.DEFAULT_SCENARIO))",
    ],
    {
      encoding: 'utf8',
    },
  );
  writeFileSync(file, text);
  const r = spawnSync('node', ['bin/kubeplay.js', '--until', '30s', '--trace-hash', file], {
    encoding: 'utf8',
  }).stderr;
  return /trace-hash: ([0-9a-f]+)/.exec(r)?.[1] ?? 'missing';
}

/** The engine is deterministic across hosts: the browser's worker and Node give the same trace. */
test('the default scenario gives the same trace hash in the worker as in Node', async ({
  page,
}) => {
  const expected = nodeTraceHash();
  expect(expected).toMatch(/^[0-9a-f]{16}$/);
  await page.goto('/?paused&at=30s');
  await expect(page.getByTestId('sim-state')).toHaveText('Paused');
  await expect.poll(() => traceHash(page)).toBe(expected);
});
