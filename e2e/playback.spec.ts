import { expect, test } from '@playwright/test';
import { pause, podLabels, simNow, simSteps, traceHash } from './helpers';

test('pause keeps every object unchanged for 5 s of wall time', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('sim-state')).not.toHaveText('Paused');
  await page.waitForTimeout(1500);
  await pause(page);
  const before = {
    now: await simNow(page),
    steps: await simSteps(page),
    trace: await traceHash(page),
    pods: await podLabels(page),
    events: await page
      .locator('.event-list')
      .innerText()
      .catch(() => ''),
  };
  await page.waitForTimeout(5000);
  const after = {
    now: await simNow(page),
    steps: await simSteps(page),
    trace: await traceHash(page),
    pods: await podLabels(page),
    events: await page
      .locator('.event-list')
      .innerText()
      .catch(() => ''),
  };
  expect(after).toEqual(before);
});

test('step advances exactly one event', async ({ page }) => {
  await page.goto('/?paused');
  await expect(page.getByTestId('sim-state')).toHaveText('Paused');
  const n = await simSteps(page);
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByTestId('sim-steps')).toHaveAttribute('data-steps', String(n + 1));
  await page.locator('.graph').click({ position: { x: 5, y: 200 } });
  await page.keyboard.press('.');
  await expect(page.getByTestId('sim-steps')).toHaveAttribute('data-steps', String(n + 2));
});

test('10x speed runs at 10x simulated speed within 10%', async ({ page }) => {
  await page.goto('/');
  await expect.poll(() => simNow(page)).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await expect(page.getByRole('combobox', { name: 'Speed' })).toHaveValue('10');
  await page.waitForTimeout(500);
  const t0 = await page.evaluate(() => performance.now());
  const s0 = await simNow(page);
  await page.waitForTimeout(4000);
  const t1 = await page.evaluate(() => performance.now());
  const s1 = await simNow(page);
  const ratio = (s1 - s0) / (t1 - t0);
  expect(ratio).toBeGreaterThan(9);
  expect(ratio).toBeLessThan(11);
});

test('step back restores the previous state', async ({ page }) => {
  await page.goto('/?paused');
  await expect(page.getByTestId('sim-state')).toHaveText('Paused');
  for (let i = 0; i < 5; i++) await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByTestId('sim-steps')).toHaveAttribute('data-steps', /\d+/);
  const n = await simSteps(page);
  const before = {
    trace: await traceHash(page),
    now: await simNow(page),
    pods: await podLabels(page),
  };
  await page.getByRole('button', { name: 'Step one event' }).click();
  await expect(page.getByTestId('sim-steps')).toHaveAttribute('data-steps', String(n + 1));
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('sim-steps')).toHaveAttribute('data-steps', String(n));
  const after = {
    trace: await traceHash(page),
    now: await simNow(page),
    pods: await podLabels(page),
  };
  expect(after).toEqual(before);
});
