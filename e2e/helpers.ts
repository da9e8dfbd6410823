import { expect, type Page } from '@playwright/test';

export const pods = (page: Page, name: RegExp | string = '') =>
  page.getByRole('button', { name: typeof name === 'string' ? new RegExp(`^Pod ${name}`) : name });

/** The simulated clock in epoch ms, as the header shows it. */
export async function simNow(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-clock').getAttribute('data-ms'));
}

export async function simSteps(page: Page): Promise<number> {
  return Number(await page.getByTestId('sim-steps').getAttribute('data-steps'));
}

export async function traceHash(page: Page): Promise<string> {
  return (await page.locator('.clock').getAttribute('data-trace')) ?? '';
}

export async function pause(page: Page): Promise<void> {
  const btn = page.getByRole('button', { name: 'Pause', exact: true });
  if (await btn.isVisible()) await btn.click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByTestId('sim-state')).toHaveText('Paused');
}

/** Waits for Monaco, then replaces its whole text by pasting (real keyboard input, no test hook). */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  const editor = page.locator('.monaco-editor').first();
  await expect(editor).toBeVisible();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(
    (t) =>
      (
        globalThis as unknown as {
          navigator: { clipboard: { writeText(s: string): Promise<void> } };
        }
      ).navigator.clipboard.writeText(t),
    text,
  );
  await editor.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** All pod labels currently on the graph (a cheap fingerprint of the visible state). */
export async function podLabels(page: Page): Promise<string[]> {
  return (
    await pods(page).evaluateAll((els) =>
      (els as unknown as { getAttribute(n: string): string | null }[]).map(
        (e) => e.getAttribute('aria-label') ?? '',
      ),
    )
  ).sort();
}
