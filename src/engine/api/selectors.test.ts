import { describe, expect, it } from 'vitest';
import {
  fieldsMatch,
  formatLabelSelector,
  labelSelectorMatches,
  matches,
  parseFieldSelector,
  parseSelector,
  SelectorError,
} from './selectors';

describe('label selector strings (kubectl -l)', () => {
  const labels = { app: 'web', tier: 'frontend', env: 'prod' };
  it.each([
    ['app=web', true],
    ['app==web', true],
    ['app=db', false],
    ['tier!=db', true],
    ['tier!=frontend', false],
    ['env in (prod,staging)', true],
    ['env in (dev)', false],
    ['env notin (dev, test)', true],
    ['app', true],
    ['missing', false],
    ['!missing', true],
    ['!app', false],
    ['app=web,tier!=db,env in (a,prod)', true],
    ['app=web, tier=backend', false],
    ['', true],
  ])('%s → %s', (sel, want) => {
    expect(matches(parseSelector(sel), labels)).toBe(want);
  });

  it('treats != and notin as matching objects without the label', () => {
    expect(matches(parseSelector('tier!=db'), {})).toBe(true);
  });

  it.each([['app=web,,x'], ['=web'], ['env in (a']])('rejects %s', (sel) => {
    expect(() => parseSelector(sel)).toThrow(SelectorError);
  });
});

describe('LabelSelector objects', () => {
  it('combines matchLabels and matchExpressions', () => {
    const sel = {
      matchLabels: { app: 'web' },
      matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }],
    };
    expect(labelSelectorMatches(sel, { app: 'web', tier: 'b' })).toBe(true);
    expect(labelSelectorMatches(sel, { app: 'web', tier: 'c' })).toBe(false);
  });

  it('an empty selector matches everything, a missing one nothing', () => {
    expect(labelSelectorMatches({}, { any: 'x' })).toBe(true);
    expect(labelSelectorMatches(undefined, { any: 'x' })).toBe(false);
  });

  it('formats like metav1.FormatLabelSelector', () => {
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
    expect(
      formatLabelSelector({
        matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['b', 'a'] }],
      }),
    ).toBe('env notin (a,b)');
    expect(formatLabelSelector(undefined)).toBe('<none>');
  });
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'p', namespace: 'default' },
    spec: { nodeName: 'node-1' },
    status: { phase: 'Running' },
  };
  it.each([
    ['status.phase=Running', true],
    ['status.phase!=Running', false],
    ['spec.nodeName=node-1,metadata.namespace=default', true],
    ['spec.nodeName==node-2', false],
    ['spec.nodeName=', false],
  ])('%s → %s', (sel, want) => {
    expect(fieldsMatch(parseFieldSelector(sel), pod)).toBe(want);
  });
});
