/** Small helpers of the worker bridge. */
import { requestsSince, type RequestRecord } from '../engine/proxy/request-log';
import type { Simulation } from '../engine/sim';
import { MAX_SPEED, MIN_SPEED, type RequestView } from './protocol';

export function clampSpeed(s: number): number {
  return Number.isFinite(s) ? Math.min(MAX_SPEED, Math.max(MIN_SPEED, s)) : 1;
}

/** Requests shown per batch at most (traffic at 50x can produce thousands per second). */
export const MAX_REQUESTS_PER_BATCH = 200;

/** New request records from the request log (proxy/request-log.ts), trimmed for the UI. */
export function requestsAfter(
  sim: Simulation,
  seq: number,
): { requests: RequestView[]; seq: number } {
  let records: readonly RequestRecord[];
  try {
    records = requestsSince(sim, seq);
  } catch {
    // No request log in this simulation (it is installed with the network components).
    return { requests: [], seq };
  }
  let last = seq;
  for (const r of records) last = Math.max(last, r.seq);
  const requests = records.slice(-MAX_REQUESTS_PER_BATCH).map((r): RequestView => ({
    seq: r.seq,
    time: r.t,
    from: r.client,
    ...(r.service ? { service: r.service } : {}),
    ...(r.podName ? { pod: r.podName } : {}),
    ...(r.node ? { node: r.node } : {}),
    ...(r.status !== undefined ? { status: r.status } : {}),
    ok: r.result === 'ok',
  }));
  return { requests, seq: last };
}
