/**
 * The cluster as the worker reports it: objects by uid (status), structure (what exists and where:
 * kind, owner, node), clock, events, requests and control-plane activity. `applyBatch` is a pure
 * reducer over worker batches, so the store is tested without a worker.
 */
import type {
  Activity,
  Batch,
  ClockView,
  EventView,
  ObjView,
  RequestCount,
  RequestResult,
  RequestView,
  TimerView,
} from '../../worker/protocol';

/** Events kept for the event list (the API server keeps an hour; the UI shows the newest). */
export const MAX_EVENTS = 300;
/** Requests kept for the traffic view. */
export const MAX_REQUESTS = 300;
/** Pulses kept per Service → pod edge (older ones have finished their animation). */
export const MAX_PULSES_PER_EDGE = 4;
/**
 * Requests older than this (simulated ms before the batch's clock) are counted but not animated:
 * after a fast-forward, a burst of old requests would only flood the edges.
 */
export const PULSE_WINDOW_MS = 3000;

/** Id of the graph edge from a Service to one of its endpoint pods (the path a request pulse takes). */
export const serviceEdgeId = (svcUid: string, podUid: string) => `s:${svcUid}>${podUid}`;

/** One request drawn as a pulse (keyed by its sequence number, so it animates once). */
export interface Pulse {
  seq: number;
  result: RequestResult;
}

/** The fields of an object that decide where the graph draws it; status lives in `objects`. */
export interface StructRecord {
  uid: string;
  kind: string;
  name: string;
  namespace?: string;
  ownerUid?: string;
  nodeName?: string;
  created: number;
  /** Services: uids of ready endpoint pods (drawn as edges). */
  endpoints?: string[];
  /** Pods: ready (Service edges only go to ready pods; kept here so edges follow readiness). */
}

export interface ClusterState {
  objects: Record<string, ObjView>;
  structure: Record<string, StructRecord>;
  clock: ClockView;
  timers: { count: number; next: TimerView[] };
  traceHash: string;
  events: EventView[];
  requests: RequestView[];
  /** Recent requests per Service → pod edge id (`s:<svc>><pod>`), newest last. */
  pulses: Record<string, Pulse[]>;
  /** The latest request per Service uid (a refused request flashes the Service box). */
  serviceHits: Record<string, Pulse>;
  /** Requests that reached each pod (by pod uid), as the worker counts them. */
  requestCounts: Record<string, RequestCount>;
  /** Index of the scenario step started last (-1: none yet). */
  step: number;
  activity: Activity & { seq: number };
  /** Bumped on every batch: lets the control-plane view animate even for repeated activity. */
  batches: number;
  /** Bumped when the object set is replaced (load, reset, step back): the graph refits then. */
  resets: number;
}

export const initialCluster: ClusterState = {
  objects: {},
  structure: {},
  clock: {
    now: 0,
    steps: 0,
    playing: false,
    speed: 1,
    idle: true,
    fastForward: false,
    canStepBack: false,
  },
  timers: { count: 0, next: [] },
  traceHash: '',
  events: [],
  requests: [],
  pulses: {},
  serviceHits: {},
  requestCounts: {},
  step: -1,
  activity: { components: {}, writes: {}, seq: 0 },
  batches: 0,
  resets: 0,
};

export function structOf(v: ObjView): StructRecord {
  return {
    uid: v.uid,
    kind: v.kind,
    name: v.name,
    ...(v.namespace ? { namespace: v.namespace } : {}),
    ...(v.ownerUid ? { ownerUid: v.ownerUid } : {}),
    ...(v.nodeName ? { nodeName: v.nodeName } : {}),
    created: v.created,
    ...(v.service ? { endpoints: v.service.endpoints } : {}),
  };
}

function sameStruct(a: StructRecord | undefined, b: StructRecord): boolean {
  if (!a) return false;
  return (
    a.kind === b.kind &&
    a.name === b.name &&
    a.namespace === b.namespace &&
    a.ownerUid === b.ownerUid &&
    a.nodeName === b.nodeName &&
    a.created === b.created &&
    (a.endpoints ?? []).join() === (b.endpoints ?? []).join()
  );
}

/** The next cluster state after a batch; unchanged slices keep their identity. */
export function applyBatch(s: ClusterState, b: Batch): ClusterState {
  const baseObjects = b.reset ? {} : s.objects;
  const baseStructure = b.reset ? {} : s.structure;
  let objects = baseObjects;
  let structure = baseStructure;
  if (b.objects.length > 0 || b.removed.length > 0 || b.reset) {
    objects = { ...baseObjects };
    for (const v of b.objects) objects[v.uid] = v;
    for (const uid of b.removed) delete objects[uid];
    let changed = b.reset;
    const next = { ...baseStructure };
    for (const v of b.objects) {
      const r = structOf(v);
      if (!sameStruct(next[v.uid], r)) {
        next[v.uid] = r;
        changed = true;
      }
    }
    for (const uid of b.removed) {
      if (next[uid]) {
        delete next[uid];
        changed = true;
      }
    }
    if (changed) structure = next;
  }
  let events = b.reset ? [] : s.events;
  if (b.events.length > 0) {
    const byId = new Map(events.map((e) => [e.id, e]));
    for (const e of b.events) byId.set(e.id, e);
    events = [...byId.values()].sort((x, y) => x.time - y.time).slice(-MAX_EVENTS);
  }
  let requests = b.reset ? [] : s.requests;
  if (b.requests.length > 0) requests = [...requests, ...b.requests].slice(-MAX_REQUESTS);
  const { pulses, serviceHits } = traffic(s, b);
  let requestCounts = b.reset ? {} : s.requestCounts;
  if (b.reset || Object.keys(b.requestCounts).length > 0)
    requestCounts = { ...requestCounts, ...b.requestCounts };
  const active =
    Object.keys(b.activity.components).length > 0 || Object.keys(b.activity.writes).length > 0;
  return {
    objects,
    structure,
    clock: b.clock,
    timers: b.timers,
    traceHash: b.traceHash,
    events,
    requests,
    pulses,
    serviceHits,
    requestCounts,
    step: b.step,
    activity: active ? { ...b.activity, seq: s.activity.seq + 1 } : s.activity,
    batches: s.batches + 1,
    resets: b.reset ? s.resets + 1 : s.resets,
  };
}

/** Pulses and Service hits after a batch: only edges and Services with new requests get new objects. */
function traffic(s: ClusterState, b: Batch): Pick<ClusterState, 'pulses' | 'serviceHits'> {
  if (b.reset) return { pulses: {}, serviceHits: {} };
  const recent = b.requests.filter((r) => r.time >= b.clock.now - PULSE_WINDOW_MS);
  if (recent.length === 0) return { pulses: s.pulses, serviceHits: s.serviceHits };
  const pulses = { ...s.pulses };
  const serviceHits = { ...s.serviceHits };
  for (const r of recent) {
    if (!r.serviceUid) continue;
    const p: Pulse = { seq: r.seq, result: r.result };
    serviceHits[r.serviceUid] = p;
    if (!r.podUid) continue;
    const id = serviceEdgeId(r.serviceUid, r.podUid);
    pulses[id] = [...(pulses[id] ?? []), p].slice(-MAX_PULSES_PER_EDGE);
  }
  return { pulses, serviceHits };
}
