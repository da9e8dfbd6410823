/**
 * Label and field selectors (apimachinery `labels.Parse`, `metav1.LabelSelectorAsSelector`,
 * `fields.ParseSelector`).
 */
import type { LabelSelector } from './types';

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | '=' | '!=';

export interface Requirement {
  key: string;
  op: Operator;
  values: string[];
}

export type Selector = Requirement[];

export class SelectorError extends Error {}

export function matchRequirement(r: Requirement, labels: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.op) {
    case '=':
    case 'In':
      return has && r.values.includes(v);
    case '!=':
    case 'NotIn':
      return !has || !r.values.includes(v);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
  }
}

export function matches(sel: Selector, labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return sel.every((r) => matchRequirement(r, l));
}

/**
 * Converts a LabelSelector object. As in Kubernetes, an empty selector `{}` matches everything,
 * while a missing selector matches nothing (callers decide which applies).
 */
export function fromLabelSelector(ls: LabelSelector | undefined | null): Selector {
  if (!ls) return [];
  const out: Requirement[] = [];
  for (const key of Object.keys(ls.matchLabels ?? {}).sort()) {
    out.push({ key, op: '=', values: [ls.matchLabels![key]] });
  }
  for (const e of ls.matchExpressions ?? []) {
    const op = e.operator as Operator;
    if (!['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(op)) {
      throw new SelectorError(`"${e.operator}" is not a valid label selector operator`);
    }
    out.push({ key: e.key, op, values: [...(e.values ?? [])] });
  }
  return out;
}

export function labelSelectorMatches(
  ls: LabelSelector | undefined | null,
  labels: Record<string, string> | undefined,
): boolean {
  if (!ls) return false;
  return matches(fromLabelSelector(ls), labels);
}

/** Parses `app=web,tier!=db,env in (a,b),!legacy,track` (kubectl -l). */
export function parseSelector(text: string): Selector {
  const s = text.trim();
  if (!s) return [];
  const out: Requirement[] = [];
  let i = 0;
  const skipWs = () => {
    while (i < s.length && s[i] === ' ') i++;
  };
  const readKey = () => {
    skipWs();
    const m = /^[A-Za-z0-9_./-]+/.exec(s.slice(i));
    if (!m)
      throw new SelectorError(
        `unable to parse requirement: found '${s.slice(i, i + 1) || ''}', expected: identifier`,
      );
    i += m[0].length;
    return m[0];
  };
  while (i < s.length) {
    skipWs();
    if (s[i] === '!') {
      i++;
      out.push({ key: readKey(), op: 'DoesNotExist', values: [] });
    } else {
      const key = readKey();
      skipWs();
      const rest = s.slice(i);
      let m: RegExpExecArray | null;
      if ((m = /^(==|=|!=)/.exec(rest))) {
        i += m[0].length;
        skipWs();
        const v = /^[A-Za-z0-9_.-]*/.exec(s.slice(i))![0];
        i += v.length;
        out.push({ key, op: m[1] === '!=' ? '!=' : '=', values: [v] });
      } else if ((m = /^(notin|in)\s*\(/i.exec(rest))) {
        i += m[0].length;
        const close = s.indexOf(')', i);
        if (close < 0)
          throw new SelectorError(`unable to parse requirement: found '', expected: ')'`);
        const values = s
          .slice(i, close)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v.length > 0);
        i = close + 1;
        out.push({ key, op: m[1].toLowerCase() === 'in' ? 'In' : 'NotIn', values });
      } else {
        out.push({ key, op: 'Exists', values: [] });
      }
    }
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',')
        throw new SelectorError(`unable to parse requirement: found '${s[i]}', expected: ','`);
      i++;
    }
  }
  return out;
}

/** Renders a selector in its canonical string form (`metav1.FormatLabelSelector`). */
export function formatSelector(sel: Selector): string {
  if (sel.length === 0) return '<none>';
  return sel
    .map((r) => {
      switch (r.op) {
        case '=':
          return `${r.key}=${r.values[0]}`;
        case '!=':
          return `${r.key}!=${r.values[0]}`;
        case 'In':
          return `${r.key} in (${[...r.values].sort().join(',')})`;
        case 'NotIn':
          return `${r.key} notin (${[...r.values].sort().join(',')})`;
        case 'Exists':
          return r.key;
        case 'DoesNotExist':
          return `!${r.key}`;
      }
    })
    .join(',');
}

export function formatLabelSelector(ls: LabelSelector | undefined | null): string {
  if (!ls) return '<none>';
  return formatSelector(fromLabelSelector(ls));
}

// ---- field selectors ----

export interface FieldRequirement {
  path: string;
  op: '=' | '!=';
  value: string;
}

export function parseFieldSelector(text: string): FieldRequirement[] {
  if (!text.trim()) return [];
  return text.split(',').map((part) => {
    const m = /^\s*([A-Za-z0-9_.]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw new SelectorError(`invalid selector: '${text}'; can't understand '${part}'`);
    return { path: m[1], op: m[2] === '!=' ? '!=' : '=', value: m[3] };
  });
}

function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const p of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[p];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

export function fieldsMatch(reqs: FieldRequirement[], obj: unknown): boolean {
  return reqs.every((r) => (fieldValue(obj, r.path) === r.value) === (r.op === '='));
}
