import { expect, test, type Page } from '@playwright/test';
import { replaceEditorText } from './helpers';

const AUTOSAVE_KEY = 'kubeplay.editor.v1';

const SHARED = `apiVersion: kubeplay/v1
kind: Scenario
metadata:
  name: shared
title:
  en: Shared lesson
  ko: 공유된 수업
cluster:
  workers: 2
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: shared-web
spec:
  replicas: 2
  selector:
    matchLabels: {app: shared-web}
  template:
    metadata:
      labels: {app: shared-web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

/** The user's own saved work: plain manifests (no scenario header, so the title reads "Untitled"). */
const OWN = `apiVersion: v1
kind: ConfigMap
metadata:
  name: my-own-work
data:
  key: value
`;

/** The page's localStorage (e2e compiles without the DOM library). */
type PageGlobals = {
  localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void };
};

async function saveOwnText(page: Page) {
  await page.goto('/?paused');
  await page.evaluate(
    ([k, v]) => (globalThis as unknown as PageGlobals).localStorage.setItem(k, v),
    [AUTOSAVE_KEY, OWN],
  );
}

const savedText = (page: Page) =>
  page.evaluate(
    (k) => (globalThis as unknown as PageGlobals).localStorage.getItem(k),
    AUTOSAVE_KEY,
  );

async function shareLinkFor(page: Page, text: string, embed = false): Promise<string> {
  await page.goto('/?paused');
  await replaceEditorText(page, text);
  await page.getByRole('button', { name: 'Share this scenario' }).click();
  if (embed) await page.getByRole('checkbox', { name: /For slides/ }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' }).first()).toBeVisible();
  return page.getByRole('textbox', { name: 'Link to this scenario' }).inputValue();
}

test('a share link round-trips the editor text and leaves the saved text alone', async ({
  page,
  browser,
}) => {
  const url = await shareLinkFor(page, SHARED);
  expect(url).toMatch(/#s=[A-Za-z0-9_-]+$/);
  const clipboard = () =>
    (
      globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
    ).navigator.clipboard.readText();
  expect(await page.evaluate(clipboard)).toBe(url);
  expect(new URL(page.url()).hash).toBe(new URL(url).hash);

  const other = await (await browser.newContext()).newPage();
  await saveOwnText(other);
  await other.goto(url);
  await expect(other.getByTestId('step-timeline')).toContainText('Shared lesson');
  await expect(
    other.getByRole('button', { name: /^Deployment shared-web, \d\/2 ready$/ }),
  ).toBeVisible();
  await expect(other.getByRole('button', { name: /^Node node-\d/ })).toHaveCount(2);
  await expect(other.getByTestId('messages')).toContainText('Opened the scenario from the link');
  await expect(other.locator('.monaco-editor')).toContainText('shared-web');
  expect(await savedText(other)).toBe(OWN);

  await other.getByRole('button', { name: 'Restore my text' }).click();
  await expect(other.locator('.monaco-editor')).toContainText('my-own-work');
  await expect(other.getByTestId('step-timeline')).toContainText('Untitled');
  // A cluster with nothing to draw says how to get something onto it.
  await expect(other.getByRole('status').filter({ hasText: 'No workloads' })).toBeVisible();
});

test('an embed link opens the scenario with the graph and controls only', async ({
  page,
  browser,
}) => {
  const url = await shareLinkFor(page, SHARED, true);
  expect(url).toMatch(/&embed=1$/);
  const slide = await (await browser.newContext()).newPage();
  await slide.goto(url);
  await expect(slide.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
  await expect(slide.getByTestId('step-timeline')).toContainText('Shared lesson');
  await expect(
    slide.getByRole('button', { name: 'Play' }).or(slide.getByRole('button', { name: 'Pause' })),
  ).toBeVisible();
  await expect(slide.getByRole('region', { name: 'Scenario editor' })).toHaveCount(0);
  await expect(slide.getByRole('button', { name: 'Apply', exact: true })).toHaveCount(0);
  const open = slide.getByRole('link', { name: /Open in Kubeplay/ });
  await expect(open).toHaveAttribute('href', /#s=[A-Za-z0-9_-]+$/);
});

test('?embed hides the editor', async ({ page }) => {
  await page.goto('/?embed&paused');
  await expect(page.getByRole('button', { name: /^Node node-1, Ready/ })).toBeVisible();
  await expect(page.locator('.monaco-editor')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Share this scenario' })).toHaveCount(0);
});

for (const [name, hash, reason] of [
  ['a garbage', '#s=%%%not-a-scenario!!', /link is damaged/],
  ['a truncated', '#s=AAAAAAAAAAAA', /link is damaged/],
  ['an oversized', `#s=${'A'.repeat(70_000)}`, /too long/],
] as const) {
  test(`${name} link shows a clear message; the default scenario runs and the saved text survives`, async ({
    page,
  }) => {
    await saveOwnText(page);
    await page.goto(`/${hash}`);
    const messages = page.getByTestId('messages');
    await expect(messages).toContainText(reason);
    await expect(messages).toContainText('Showing the default scenario instead.');
    await expect(page.getByTestId('step-timeline')).toContainText('Hello, Kubeplay');
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
    await expect(page.getByRole('button', { name: /^Deployment kubia, 3\/3 ready$/ })).toBeVisible({
      timeout: 45_000,
    });
    expect(new URL(page.url()).hash).toBe('');
    expect(await savedText(page)).toBe(OWN);
    await page.getByRole('button', { name: 'Restore my text' }).click();
    await expect(page.getByTestId('step-timeline')).toContainText('Untitled');
  });
}
