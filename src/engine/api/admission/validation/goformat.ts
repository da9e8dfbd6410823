/**
 * Go's `%#v` rendering of the few struct values that appear in common validation messages
 * (`field.Invalid` falls back to `%#v` for structs, see apimachinery `field/errors.go Error`).
 */
import type { LabelSelector } from './meta';

const q = (s: string) => JSON.stringify(s);

function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${q(k)}:${q(m[k])}`);
  return `map[string]string{${entries.join(', ')}}`;
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` */
export function goLabelSelector(sel: LabelSelector | undefined | null): string {
  if (!sel) return 'null';
  const exprs = sel.matchExpressions;
  const renderedExprs = exprs
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map((e) => {
          const values = e.values ? `[]string{${e.values.map(q).join(', ')}}` : '[]string(nil)';
          return `v1.LabelSelectorRequirement{Key:${q(e.key)}, Operator:${q(e.operator)}, Values:${values}}`;
        })
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${renderedExprs}}`;
}

/** An IntOrString as `field.Invalid` prints it: ints plainly, strings quoted. */
export function goIntOrString(v: unknown): string {
  return typeof v === 'string' ? q(v) : String(v);
}

/** A []string as `%#v` prints it: `[]string{"10.96.0.5"}`, or `[]string(nil)` when unset. */
export function goValueStrings(v: string[] | undefined): string {
  return v ? `[]string{${v.map(q).join(', ')}}` : '[]string(nil)';
}
