/** Display helpers (pure). */

/** Simulated time as the cluster's UTC wall clock, HH:MM:SS. */
export function clockText(ms: number): string {
  if (!ms) return '--:--:--';
  return new Date(ms).toISOString().slice(11, 19);
}

export function speedText(s: number): string {
  return `${s}×`;
}

export function percent(used: number, total: number): number {
  return total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
}

export function cpuText(milli: number): string {
  return milli % 1000 === 0 ? `${milli / 1000}` : `${milli}m`;
}

export function memText(bytes: number): string {
  const gi = bytes / 2 ** 30;
  if (gi >= 1) return `${Math.round(gi * 10) / 10}Gi`;
  return `${Math.round(bytes / 2 ** 20)}Mi`;
}
