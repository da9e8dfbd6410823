#!/usr/bin/env node
// Runs the Playwright browser tests with a Chromium found on this machine:
//   1. Playwright's own Chromium, if it was installed (`npx playwright install chromium`);
//   2. otherwise the system's /usr/bin/chromium (Debian's `chromium` package);
//   3. otherwise, when running as root on Debian, installs Debian's `chromium` with apt-get;
//   4. otherwise stops and says exactly what to install.
// The chosen executable reaches playwright.config.ts through KUBEPLAY_CHROMIUM.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

function playwrightChromium() {
  try {
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : undefined;
  } catch {
    return undefined;
  }
}

function systemChromium() {
  return SYSTEM_CHROMIUM.find((p) => existsSync(p));
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
}

function installDebianChromium() {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get') || !existsSync('/etc/debian_version'))
    return false;
  console.log('No Chromium found: installing Debian\'s "chromium" package with apt-get...');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (run('apt-get', ['update', '-qq'], { env }) !== 0) return false;
  return (
    run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env }) === 0
  );
}

let browser = process.env.KUBEPLAY_CHROMIUM || playwrightChromium() || systemChromium();
if (!browser && installDebianChromium()) browser = systemChromium();
if (!browser) {
  console.error(
    [
      'Browser tests need Chromium, and none was found.',
      'Install one of:',
      '  - Debian/Ubuntu: sudo apt-get install chromium   (provides /usr/bin/chromium)',
      "  - Playwright's build: npx playwright install chromium",
      'or point KUBEPLAY_CHROMIUM at a Chromium executable, then run the tests again.',
    ].join('\n'),
  );
  process.exit(1);
}
console.log(`Browser tests use ${browser}`);
const status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], {
  env: { ...process.env, KUBEPLAY_CHROMIUM: browser },
});
process.exit(status);
