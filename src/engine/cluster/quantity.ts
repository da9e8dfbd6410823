/**
 * Resource quantities (`k8s.io/apimachinery/pkg/api/resource`): parses "100m", "1.5", "128Mi",
 * "1G", "2e3" into numbers and formats them back the way Kubernetes prints them.
 */

const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};
const DECIMAL: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export const QUANTITY_RE = /^([+-]?[0-9.]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$/;

/** The value of a quantity in base units (cores for CPU, bytes for memory); NaN if malformed. */
export function parseQuantity(q: string | number | undefined | null): number {
  if (q === undefined || q === null || q === '') return 0;
  if (typeof q === 'number') return q;
  const m = QUANTITY_RE.exec(q.trim());
  if (!m || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[1])) return NaN;
  const n = Number(m[1]);
  const suffix = m[2] ?? '';
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  if (/^[eE]/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return NaN;
}

export function isQuantity(q: unknown): boolean {
  return (
    (typeof q === 'number' && Number.isFinite(q)) ||
    (typeof q === 'string' && !Number.isNaN(parseQuantity(q)))
  );
}

/** CPU in millicores (the scheduler's unit). */
export function milliCpu(q: string | number | undefined | null): number {
  return Math.round(parseQuantity(q) * 1000);
}

/** Formats millicores as Kubernetes does: whole cores plainly ("2"), others with m ("250m"). */
export function formatMilliCpu(m: number): string {
  return m % 1000 === 0 ? String(m / 1000) : `${m}m`;
}

/** Formats bytes in the largest binary unit that divides them exactly ("8Gi", "8045788Ki"). */
export function formatBytes(b: number): string {
  for (const [suffix, f] of [
    ['Ei', 2 ** 60],
    ['Pi', 2 ** 50],
    ['Ti', 2 ** 40],
    ['Gi', 2 ** 30],
    ['Mi', 2 ** 20],
    ['Ki', 2 ** 10],
  ] as const) {
    if (b >= f && b % f === 0) return `${b / f}${suffix}`;
  }
  return String(b);
}
