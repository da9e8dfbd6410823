import { expect, test } from '@playwright/test';
import { pods, replaceEditorText } from './helpers';

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: ${image}
`;

test('apply a Deployment from the editor, then roll it to a new image', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('5');
  await replaceEditorText(page, deployment('nginx:1.27'));
  await page.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(page.locator('.messages-body')).toContainText('deployment.apps/web created');
  await expect(pods(page, /^Pod web-[a-z0-9]+-[a-z0-9]{5}, Running, node-\d/)).toHaveCount(2, {
    timeout: 45_000,
  });
  await expect(
    page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+, 2\/2 ready$/ }),
  ).toHaveCount(1);

  await replaceEditorText(page, deployment('nginx:1.29'));
  await page.keyboard.press('ControlOrMeta+Enter');
  await expect(page.locator('.messages-body')).toContainText('deployment.apps/web configured');
  // A second ReplicaSet takes over: the new one ready 2/2, the old one scaled to 0/0.
  await expect(page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+, / })).toHaveCount(2, {
    timeout: 30_000,
  });
  await expect(
    page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+, 0\/0 ready$/ }),
  ).toHaveCount(1, { timeout: 45_000 });
  await expect(
    page.getByRole('button', { name: /^ReplicaSet web-[a-z0-9]+, 2\/2 ready$/ }),
  ).toHaveCount(1);
});
