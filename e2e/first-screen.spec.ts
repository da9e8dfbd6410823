import { expect, test } from '@playwright/test';
import { pods } from './helpers';

test('the default scenario shows Running pods on nodes without any click', async ({ page }) => {
  await page.goto('/');
  await expect(
    page.getByRole('button', { name: /^Node node-\d, Ready, \d+ pods$/ }).first(),
  ).toBeVisible();
  await expect(pods(page, /^Pod kubia-[a-z0-9]+-[a-z0-9]{5}, Running, node-\d/)).toHaveCount(3, {
    timeout: 45_000,
  });
  await expect(page.getByRole('button', { name: /^Deployment kubia, 3\/3 ready$/ })).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^kube-proxy mode: kube-proxy: IPVS rr$/ }),
  ).toBeVisible();
});

test('the editor loads lazily and the help overlay opens with ?', async ({ page }) => {
  await page.goto('/?paused');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await page.locator('.graph').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the language toggle switches the UI to Korean and back', async ({ page }) => {
  await page.goto('/?paused');
  await page.getByRole('button', { name: 'Language: switch to Korean' }).click();
  await expect(page.getByRole('button', { name: '적용' })).toBeVisible();
  await page.getByRole('button', { name: '언어: 영어로 바꾸기' }).click();
  await expect(page.getByRole('button', { name: 'Apply' })).toBeVisible();
});
