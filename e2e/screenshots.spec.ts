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

for (const theme of ['light', 'dark'] as const) {
  test(`first screen (${theme})`, async ({ page }) => {
    await firstScreen(page, theme);
    await expect(page).toHaveScreenshot(`first-screen-${theme}.png`, {
      mask: [page.locator('.monaco-editor .cursors-layer')],
    });
    if (process.env.KUBEPLAY_DOCS_SCREENSHOT && theme === 'light')
      await page.screenshot({ path: 'docs/screenshot.png' });
  });
}
