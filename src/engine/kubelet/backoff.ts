/**
 * client-go `util/flowcontrol.Backoff` (no jitter) as data: the kubelet's container restart and
 * image pull backoffs. Mirrors kubernetes/client-go:util/flowcontrol/backoff.go.
 */

export interface BackoffEntry {
  backoffMs: number;
  lastUpdate: number;
}

export type BackoffTable = Record<string, BackoffEntry>;

export interface BackoffPolicy {
  initialMs: number;
  maxMs: number;
}

/** `hasExpired`: an entry is stale once the event is more than 2 × max after its last update. */
function hasExpired(eventTime: number, lastUpdate: number, maxMs: number): boolean {
  return eventTime - lastUpdate > maxMs * 2;
}

/** `Next`: start at the initial duration (or after expiry), otherwise double up to the max. */
export function backoffNext(
  t: BackoffTable,
  id: string,
  eventTime: number,
  now: number,
  p: BackoffPolicy,
): BackoffEntry {
  const e = t[id];
  const backoffMs =
    !e || hasExpired(eventTime, e.lastUpdate, p.maxMs)
      ? p.initialMs
      : Math.min(e.backoffMs * 2, p.maxMs);
  t[id] = { backoffMs, lastUpdate: now };
  return t[id];
}

/** `IsInBackOffSince`: still inside the window that started at `eventTime`. */
export function isInBackOffSince(
  t: BackoffTable,
  id: string,
  eventTime: number,
  now: number,
  p: BackoffPolicy,
): boolean {
  const e = t[id];
  if (!e || hasExpired(eventTime, e.lastUpdate, p.maxMs)) return false;
  return now - eventTime < e.backoffMs;
}

/** `IsInBackOffSinceUpdate`: inside the window that started at the last update. */
export function isInBackOffSinceUpdate(
  t: BackoffTable,
  id: string,
  now: number,
  p: BackoffPolicy,
): boolean {
  const e = t[id];
  if (!e || hasExpired(now, e.lastUpdate, p.maxMs)) return false;
  return now - e.lastUpdate < e.backoffMs;
}

/** Go's `time.Duration.String()` for whole milliseconds: `10s`, `1m20s`, `5m0s`, `3.2s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const secs = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  if (h) return `${h}h${m}m${secs}`;
  if (m) return `${m}m${secs}`;
  return secs;
}
