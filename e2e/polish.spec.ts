import { expect, test } from '@playwright/test';
import { pods } from './helpers';

/** The little of the DOM these checks read (e2e compiles without the DOM library). */
interface El {
  getAttribute(name: string): string | null;
  textContent: string | null;
  outerHTML: string;
  labels?: { length: number } | null;
}

test('the namespace filter is a compact popover', async ({ page }) => {
  await page.goto('/?paused&at=30s');
  await expect(pods(page, /^Pod coredns-/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Namespaces' }).click();
  await page.getByRole('checkbox', { name: 'kube-system' }).check();
  await expect(pods(page, /^Pod coredns-/).first()).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('checkbox', { name: 'kube-system' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Namespaces' })).toBeFocused();
});

test('the first-run hint can be dismissed and stays dismissed', async ({ page }) => {
  await page.goto('/?paused');
  const hint = page.getByRole('complementary', { name: 'What is this?' });
  await expect(hint).toBeVisible();
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'What is this?' })).toHaveCount(0);
});

test('header controls show tooltips with their shortcuts, and keyboard focus is visible', async ({
  page,
}) => {
  await page.goto('/?paused');
  await page.getByRole('button', { name: 'Play' }).hover();
  await expect(page.getByRole('tooltip')).toHaveText('Play (Space)');
  await page.mouse.move(700, 500);
  // Tab order follows the header from the left (step back is disabled at the start).
  const names: string[] = [];
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    names.push((await focused.getAttribute('aria-label')) ?? (await focused.innerText()));
  }
  expect(names).toEqual(['Play', 'Step one event', 'Speed', 'Run until idle', 'Reset']);
  await expect(page.getByRole('tooltip')).toHaveText('Start the scenario again from the beginning');
  await expect(page.locator(':focus')).not.toHaveCSS('outline-style', 'none');
});

test('every control has an accessible name, and Korean mode translates every tooltip', async ({
  page,
}) => {
  await page.goto('/?paused&at=30s');
  await expect(page.locator('.monaco-editor')).toBeVisible();
  for (const lang of ['en', 'ko']) {
    if (lang === 'ko')
      await page.getByRole('button', { name: 'Language: switch to Korean' }).click();
    const unnamed = await page
      .locator(
        'header button, header select, header a, .graph button, .graph input, .messages button',
      )
      .evaluateAll((els) =>
        (els as unknown as El[])
          .filter(
            (e) =>
              !(e.getAttribute('aria-label')?.trim() || e.textContent?.trim() || e.labels?.length),
          )
          .map((e) => e.outerHTML.slice(0, 120)),
      );
    expect(unnamed).toEqual([]);
  }
  const tips = await page
    .locator('[data-tip]')
    .evaluateAll((els) => (els as unknown as El[]).map((e) => e.getAttribute('data-tip') ?? ''));
  expect(tips.length).toBeGreaterThan(10);
  expect(tips.filter((t) => !/[가-힣]/.test(t))).toEqual([]);
  const labels = await page
    .locator('header [aria-label], .graph [aria-label]')
    .evaluateAll((els) => (els as unknown as El[]).map((e) => e.getAttribute('aria-label') ?? ''));
  // Kubernetes names (pods, nodes, kube-proxy) stay English; every label still carries Korean.
  expect(labels.filter((l) => !/[가-힣]/.test(l))).toEqual([]);
});
