/**
 * `intstr.GetScaledValueFromIntOrPercent` (kubernetes/apimachinery:pkg/util/intstr/intstr.go):
 * integers pass through; "25%" scales `total` and rounds up or down.
 */
export type IntOrString = number | string;

export function scaledValue(
  v: IntOrString | undefined | null,
  total: number,
  roundUp: boolean,
): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) {
    if (/^\d+$/.test(v)) return Number(v);
    throw new Error(`invalid value for IntOrString: invalid type: string is not a percentage`);
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
