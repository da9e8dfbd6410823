import { expect, test, type Page } from '@playwright/test';

/** The first screen, paused 30 simulated seconds in (deterministic), editor loaded, no animations. */
async function firstScreen(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await page.goto('/?paused&at=30s');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.getByTestId('sim-state')).toHaveText('Paused');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.waitForTimeout(1500); // fitView and schema validation settle
  await page.mouse.move(0, 0);
}

/** The README's picture: the same first screen, running, with requests in flight (not a baseline). */
async function docsScreenshot(page: Page) {
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  await page.goto('/?at=29s');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  await expect(page.locator('.pulse-layer circle').first()).toBeAttached({ timeout: 10_000 });
  await page.waitForTimeout(250);
  await page.mouse.move(0, 0);
  await page.screenshot({ path: 'docs/screenshot.png' });
}

for (const theme of ['light', 'dark'] as const) {
  test(`first screen (${theme})`, async ({ page }) => {
    await firstScreen(page, theme);
    await expect(page).toHaveScreenshot(`first-screen-${theme}.png`, {
      mask: [page.locator('.monaco-editor .cursors-layer')],
    });
    if (process.env.KUBEPLAY_DOCS_SCREENSHOT && theme === 'light') await docsScreenshot(page);
  });
}
