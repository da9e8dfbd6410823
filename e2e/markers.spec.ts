import { expect, test } from '@playwright/test';
import { replaceEditorText } from './helpers';

test('a YAML syntax error is marked on its line', async ({ page }) => {
  await page.goto('/?paused');
  await replaceEditorText(
    page,
    [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: broken',
      'data:',
      '  key: [unclosed',
      '',
    ].join('\n'),
  );
  const marker = page.getByTestId('marker-list').locator('li.marker.error').first();
  await expect(marker).toBeVisible();
  expect(Number(await marker.getAttribute('data-line'))).toBeGreaterThanOrEqual(6);
  await expect(page.locator('.monaco-editor .squiggly-error').first()).toBeAttached();
});

test('a schema error is marked on its line', async ({ page }) => {
  await page.goto('/?paused');
  const text = [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  replicas: three',
    '  selector:',
    '    matchLabels:',
    '      app: web',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: web',
    '    spec:',
    '      containers:',
    '        - name: web',
    '          image: nginx',
    '',
  ].join('\n');
  await replaceEditorText(page, text);
  const marker = page.getByTestId('marker-list').locator('li.marker[data-line="6"]');
  await expect(marker).toBeVisible({ timeout: 20_000 });
  await expect(marker).toContainText(/integer|type/i);
  await expect(
    page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first(),
  ).toBeAttached();
});
