import { expect, test } from '@playwright/test';

test('a step note shows as a caption in the current language; the timeline lists the steps', async ({
  page,
}) => {
  await page.goto('/?paused&at=30s');
  const caption = page.getByTestId('step-caption');
  await expect(caption).toContainText('Step 1/1');
  await expect(caption).toContainText('Steady traffic to the kubia Service');

  await page.getByTestId('step-timeline').click();
  const panel = page.getByRole('dialog', { name: 'Scenario steps' });
  await expect(panel).toContainText('kubeplay traffic start kubia --rate 2/s');
  await expect(panel).toContainText('09:00:20');
  await expect(panel.locator('li[data-state="current"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);

  await page.getByRole('button', { name: 'Language: switch to Korean' }).click();
  await expect(caption).toContainText('kubia Service로 요청을 꾸준히 보냅니다');
  await caption.getByRole('button', { name: '자막 닫기' }).click();
  await expect(caption).toHaveCount(0);
});

test('before a step runs, the header says which step comes next and when', async ({ page }) => {
  await page.goto('/?paused');
  await expect(page.getByTestId('step-timeline')).toContainText(/step 1 in 20s/);
  await expect(page.getByTestId('step-caption')).toHaveCount(0);
  await page.getByTestId('step-timeline').click();
  await expect(
    page.getByRole('dialog', { name: 'Scenario steps' }).locator('li[data-state="next"]'),
  ).toContainText('Steady traffic');
});
