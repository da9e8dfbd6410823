import { expect, test } from '@playwright/test';

test('no request leaves the page origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  page.on('request', (r) => {
    const url = r.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreign.push(url);
  });
  await page.goto('/');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await page.waitForTimeout(4000);
  expect(foreign).toEqual([]);
});
