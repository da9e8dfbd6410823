/**
 * Request records for the UI: each new record of the proxy's request log (proxy/request-log.ts)
 * trimmed to what the traffic view draws, and per-pod counters (requests that reached each pod),
 * sent only when they change, so round-robin is visible as counts that stay level.
 */
import { requestLog, type RequestRecord } from '../engine/proxy/request-log';
import type { Simulation } from '../engine/sim';
import type { RequestCount, RequestView } from './protocol';

/** Requests shown per batch at most (traffic at 50x can produce thousands per second). */
export const MAX_REQUESTS_PER_BATCH = 200;

export function requestView(sim: Simulation, r: RequestRecord): RequestView {
  const svc = r.service ? sim.store.get('Service', r.namespace ?? 'default', r.service) : undefined;
  return {
    seq: r.seq,
    time: r.t,
    from: r.client,
    ...(r.service ? { service: r.service } : {}),
    ...(svc ? { serviceUid: svc.metadata.uid } : {}),
    ...(r.podName ? { pod: r.podName } : {}),
    ...(r.podUid ? { podUid: r.podUid } : {}),
    ...(r.node ? { node: r.node } : {}),
    ...(r.status !== undefined ? { status: r.status } : {}),
    ok: r.result === 'ok',
    result: r.result,
    latencyMs: r.latencyMs,
  };
}

/** Follows one simulation's request log between batches. */
export class TrafficTracker {
  private seq = 0;
  private counts = new Map<string, RequestCount>();

  /**
   * New requests since the last call and the counters they changed. With `full` (a reset batch:
   * load, step back, recovery) no request is replayed as new traffic; all counters are rebuilt
   * from the log instead.
   */
  take(
    sim: Simulation,
    full: boolean,
  ): { requests: RequestView[]; counts: Record<string, RequestCount> } {
    const log = requestLog(sim);
    const changed = new Set<string>();
    let fresh: readonly RequestRecord[];
    if (full) {
      this.counts.clear();
      for (const r of log.records()) this.count(r, changed);
      this.seq = log.lastSeq;
      const counts: Record<string, RequestCount> = {};
      for (const [uid, c] of this.counts) counts[uid] = { ...c };
      return { requests: [], counts };
    }
    fresh = log.since(this.seq);
    this.seq = Math.max(this.seq, log.lastSeq);
    for (const r of fresh) this.count(r, changed);
    const counts: Record<string, RequestCount> = {};
    for (const uid of changed) counts[uid] = { ...this.counts.get(uid)! };
    fresh = fresh.slice(-MAX_REQUESTS_PER_BATCH);
    return { requests: fresh.map((r) => requestView(sim, r)), counts };
  }

  private count(r: RequestRecord, changed: Set<string>): void {
    if (!r.podUid) return;
    const c = this.counts.get(r.podUid) ?? { ok: 0, failed: 0 };
    if (r.result === 'ok') c.ok++;
    else c.failed++;
    this.counts.set(r.podUid, c);
    changed.add(r.podUid);
  }
}
