/**
 * Every request curl and the traffic generators send, in a bounded ring the UI reads by sequence
 * number (`requestsSince`), plus per-pod arrival times for the load model (load.ts).
 */
import type { Json } from '../clock';
import type { Extension, Simulation } from '../sim';

/** Records kept for the UI; older ones fall off (a few minutes of traffic at a few requests/s). */
export const REQUEST_LOG_CAPACITY = 5000;
/** Window over which per-pod request rates are measured (load.ts). */
export const LOAD_WINDOW_MS = 10_000;

export type RequestResult = 'ok' | 'refused' | 'timeout' | 'error';

export interface RequestRecord {
  seq: number;
  t: number;
  /** `outside`, a pod name, or the default debug client. */
  client: string;
  service?: string;
  namespace?: string;
  port: number;
  podName?: string;
  podIp?: string;
  podUid?: string;
  node?: string;
  result: RequestResult;
  status?: number;
  latencyMs: number;
  /** `curl` or `traffic` */
  source: string;
}

interface LogState {
  nextSeq: number;
  records: RequestRecord[];
  /** pod uid → arrival times within the load window */
  arrivals: Record<string, number[]>;
}

export class RequestLog implements Extension {
  static readonly NAME = 'request-log';
  readonly name = RequestLog.NAME;
  private state: LogState = { nextSeq: 1, records: [], arrivals: {} };
  private listeners = new Set<(r: RequestRecord) => void>();

  add(r: Omit<RequestRecord, 'seq'>): RequestRecord {
    const rec = { ...r, seq: this.state.nextSeq++ } as RequestRecord;
    this.state.records.push(rec);
    if (this.state.records.length > REQUEST_LOG_CAPACITY)
      this.state.records.splice(0, this.state.records.length - REQUEST_LOG_CAPACITY);
    if (rec.podUid && rec.result === 'ok') {
      (this.state.arrivals[rec.podUid] ??= []).push(rec.t);
      this.rate(rec.podUid, rec.t);
    }
    for (const l of [...this.listeners]) l(rec);
    return rec;
  }

  records(): readonly RequestRecord[] {
    return this.state.records;
  }

  since(seq: number): RequestRecord[] {
    const recs = this.state.records;
    // Sequence numbers are contiguous within the ring, so the start index is arithmetic.
    const first = recs.length ? recs[0].seq : this.state.nextSeq;
    return recs.slice(Math.max(0, seq + 1 - first));
  }

  get lastSeq(): number {
    return this.state.nextSeq - 1;
  }

  /** Requests per second that reached a pod over the last LOAD_WINDOW_MS. */
  rate(podUid: string, now: number): number {
    const list = this.state.arrivals[podUid];
    if (!list) return 0;
    const cutoff = now - LOAD_WINDOW_MS;
    let i = 0;
    while (i < list.length && list[i] <= cutoff) i++;
    if (i > 0) list.splice(0, i);
    if (list.length === 0) delete this.state.arrivals[podUid];
    return list.length / (LOAD_WINDOW_MS / 1000);
  }

  subscribe(fn: (r: RequestRecord) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  snapshot(): Json {
    return this.state as unknown as Json;
  }

  restore(s: Json): void {
    this.state = s as unknown as LogState;
  }
}

/** The request log of a simulation (installed with the network components, or on first use). */
export function requestLog(sim: Simulation): RequestLog {
  let log = sim.extension<RequestLog>(RequestLog.NAME);
  if (!log) {
    log = new RequestLog();
    sim.registerExtension(log);
  }
  return log;
}

/** Records newer than `seq` (the worker remembers the last one it sent). */
export function requestsSince(sim: Simulation, seq: number): RequestRecord[] {
  return requestLog(sim).since(seq);
}

/** Calls `fn` for every new request; returns the unsubscribe function. */
export function onRequest(sim: Simulation, fn: (r: RequestRecord) => void): () => void {
  return requestLog(sim).subscribe(fn);
}
