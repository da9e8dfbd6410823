import { expect, test, type Page } from '@playwright/test';
import { pause } from './helpers';

/** Requests each pod served, as the counters on the pod chips show them. */
async function counters(page: Page): Promise<number[]> {
  return (await page.getByTestId('pod-count').allInnerTexts()).map(Number);
}
const total = async (page: Page) => (await counters(page)).reduce((a, b) => a + b, 0);

test('requests pulse from the Service to pods; round-robin keeps the pod counters level', async ({
  page,
}) => {
  await page.goto('/?at=20s');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await expect.poll(() => page.locator('.pulse-layer circle').count()).toBeGreaterThan(0);
  await expect(page.locator('.pulse-layer circle[data-result="ok"]').first()).toBeAttached();
  await expect.poll(() => total(page), { timeout: 30_000 }).toBeGreaterThan(15);
  await pause(page);
  const c = await counters(page);
  expect(c).toHaveLength(3);
  expect(Math.max(...c) - Math.min(...c)).toBeLessThanOrEqual(1);
  await expect(page.getByRole('button', { name: /^Pod kubia-.*, \d+ requests$/ })).toHaveCount(3);
});

test('switching kube-proxy to iptables random is announced and really changes the spread', async ({
  page,
}) => {
  await page.goto('/?at=20s');
  const random = page.getByRole('radio', { name: 'iptables random' });
  await random.click();
  await expect(random).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('toast')).toContainText('at random');
  await expect(
    page.getByRole('button', { name: 'kube-proxy mode: kube-proxy: iptables random' }),
  ).toBeVisible();
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('50');
  await expect.poll(() => total(page), { timeout: 30_000 }).toBeGreaterThan(150);
  await pause(page);
  const c = await counters(page);
  // Seeded: the same spread on every run; round-robin would keep it within 1.
  expect(Math.max(...c) - Math.min(...c)).toBeGreaterThan(1);

  await page.getByRole('button', { name: 'kube-proxy mode: kube-proxy: iptables random' }).click();
  await expect(page.getByRole('radio', { name: 'IPVS rr' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
});
