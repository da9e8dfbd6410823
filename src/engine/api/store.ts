/**
 * The API store: kube-apiserver + etcd in one object. It owns identity (uid, resourceVersion,
 * generation, creationTimestamp, generateName), runs admission (defaulting, validation, allocation)
 * on every write, implements graceful deletion and finalizers, and delivers ordered watch events.
 *
 * Objects handed out are deep-frozen: callers clone (`deepClone`) before changing anything, and
 * write back through `update`/`patch`, exactly as a client-go client works on informer copies.
 */
import { rfc3339 } from '../clock';
import { randomSuffix, type RngStream } from '../rng';
import { ApiError, alreadyExists, conflict, fieldRequired, invalid, notFound } from './errors';
import { deepClone, jsonEqual, keyOf, type KInput, type KObject } from './types';
import {
  fieldsMatch,
  matches,
  parseFieldSelector,
  parseSelector,
  type Selector,
} from './selectors';
import { qualifiedResource, resourceForKind } from './registry';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent {
  type: WatchEventType;
  object: KObject;
  /** The previous version for MODIFIED and DELETED. */
  old?: KObject;
}

export type WatchHandler = (e: WatchEvent) => void;

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

/**
 * An admission step runs inside a write, before the object is stored. It may change `obj`
 * (defaulting, allocation) or throw an ApiError (validation). `old` is set for updates.
 */
export type AdmissionHook = (
  op: Operation,
  obj: KObject,
  old: KObject | undefined,
  store: ApiStore,
  ctx: { subresource?: 'status' },
) => void;

export interface ListOptions {
  namespace?: string;
  labelSelector?: string | Selector;
  fieldSelector?: string;
}

export interface DeleteOptions {
  gracePeriodSeconds?: number;
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
  /** Only delete if the object still has this uid (optimistic precondition). */
  uid?: string;
}

export interface StoreHost {
  now(): number;
  rng(stream: string): RngStream;
}

/** Kinds whose status is written through the /status subresource only. */
const HAS_STATUS_SUBRESOURCE = new Set([
  'Pod',
  'Node',
  'Namespace',
  'Service',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'PodDisruptionBudget',
  'HorizontalPodAutoscaler',
  'Ingress',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'ReplicationController',
  'ResourceQuota',
]);

/**
 * Kinds whose registry strategy sets metadata.generation (PrepareForCreate/Update in
 * k/k:pkg/registry/*); Pods track it since 1.33 (PodObservedGenerationTracking).
 */
const TRACKS_GENERATION = new Set([
  'Pod',
  'ReplicaSet',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'ReplicationController',
  'PodDisruptionBudget',
  'NetworkPolicy',
  'HorizontalPodAutoscaler',
  'ResourceQuota',
]);

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

export class ApiStore {
  private objects = new Map<string, Map<string, KObject>>();
  /** Sorted view of each kind's objects, rebuilt lazily after a write to that kind. */
  private sorted = new Map<string, KObject[]>();
  private rv = 1000;
  private watchers: { kinds: Set<string> | null; handler: WatchHandler }[] = [];
  private admission: { kinds: Set<string> | null; hook: AdmissionHook }[] = [];

  constructor(private host: StoreHost) {}

  // ---------------------------------------------------------------- reads

  get(kind: string, namespace: string | undefined, name: string): KObject | undefined {
    return this.objects.get(kind)?.get(keyOf(kind, this.nsFor(kind, namespace), name));
  }

  /** Like `get` but throws the API server's NotFound error. */
  mustGet(kind: string, namespace: string | undefined, name: string): KObject {
    const o = this.get(kind, namespace, name);
    if (!o) throw notFound(qualifiedResource(kind), name);
    return o;
  }

  /** Objects of a kind sorted by namespace then name, as the API server lists them. */
  list(kind: string, opts: ListOptions = {}): KObject[] {
    const all = this.sortedOf(kind);
    if (opts.namespace === undefined && !opts.labelSelector && !opts.fieldSelector)
      return all.slice();
    const sel =
      typeof opts.labelSelector === 'string'
        ? parseSelector(opts.labelSelector)
        : opts.labelSelector;
    const fsel = opts.fieldSelector ? parseFieldSelector(opts.fieldSelector) : undefined;
    const out: KObject[] = [];
    for (const o of all) {
      if (opts.namespace !== undefined && o.metadata.namespace !== opts.namespace) continue;
      if (sel && !matches(sel, o.metadata.labels)) continue;
      if (fsel && !fieldsMatch(fsel, o)) continue;
      out.push(o);
    }
    return out;
  }

  /**
   * Keeps a kind's sorted view in step with a write (binary search on namespace/name), so a busy
   * cluster does not re-sort every list after every write.
   */
  private cacheUpdate(kind: string, obj: KObject, op: 'insert' | 'replace' | 'remove'): void {
    const arr = this.sorted.get(kind);
    if (!arr) return;
    let lo = 0;
    let hi = arr.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareObjects(arr[mid], obj) < 0) lo = mid + 1;
      else hi = mid;
    }
    const found = lo < arr.length && compareObjects(arr[lo], obj) === 0;
    if (op === 'insert') arr.splice(lo, 0, obj);
    else if (op === 'replace' && found) arr[lo] = obj;
    else if (op === 'remove' && found) arr.splice(lo, 1);
    else this.sorted.delete(kind);
  }

  private sortedOf(kind: string): KObject[] {
    let arr = this.sorted.get(kind);
    if (!arr) {
      arr = [...(this.objects.get(kind)?.values() ?? [])].sort(compareObjects);
      this.sorted.set(kind, arr);
    }
    return arr;
  }

  /** Every stored object of every kind, in a stable order (for snapshots and the UI). */
  all(): KObject[] {
    const out: KObject[] = [];
    for (const kind of [...this.objects.keys()].sort()) out.push(...this.list(kind));
    return out;
  }

  kinds(): string[] {
    return [...this.objects.keys()].sort();
  }

  get resourceVersion(): number {
    return this.rv;
  }

  // ---------------------------------------------------------------- hooks

  watch(kinds: string[] | null, handler: WatchHandler): () => void {
    const w = { kinds: kinds ? new Set(kinds) : null, handler };
    this.watchers.push(w);
    return () => {
      this.watchers = this.watchers.filter((x) => x !== w);
    };
  }

  addAdmission(kinds: string[] | null, hook: AdmissionHook): void {
    this.admission.push({ kinds: kinds ? new Set(kinds) : null, hook });
  }

  // ---------------------------------------------------------------- writes

  create(input: KInput, opts: { dryRun?: boolean } = {}): KObject {
    const obj = deepClone(input) as KObject;
    const kind = obj.kind;
    const res = resourceForKind(kind);
    obj.metadata = { ...(obj.metadata ?? {}) } as KObject['metadata'];
    const md = obj.metadata;
    if (res?.namespaced) md.namespace = md.namespace || 'default';
    else delete md.namespace;
    if (!md.name && md.generateName)
      md.name = this.generateName(kind, md.namespace, md.generateName);
    if (!md.name) {
      throw invalid(kind, '', [fieldRequired('metadata.name', 'name or generateName is required')]);
    }
    if (this.get(kind, md.namespace, md.name))
      throw alreadyExists(qualifiedResource(kind), md.name);
    for (const f of [
      'uid',
      'resourceVersion',
      'deletionTimestamp',
      'deletionGracePeriodSeconds',
    ] as const)
      delete md[f];
    md.uid = this.newUid();
    md.creationTimestamp = rfc3339(this.host.now());
    if (TRACKS_GENERATION.has(kind)) md.generation = 1;
    this.runAdmission('CREATE', obj, undefined);
    if (opts.dryRun) return deepFreeze(obj);
    md.resourceVersion = String(++this.rv);
    deepFreeze(obj);
    this.bucket(kind).set(keyOf(kind, md.namespace, md.name), obj);
    this.cacheUpdate(kind, obj, 'insert');
    this.emit({ type: 'ADDED', object: obj });
    return obj;
  }

  /**
   * Replaces an object (PUT). A resourceVersion in the input must match the stored one, as
   * optimistic concurrency requires. Writes to the main resource keep the stored status; writes
   * with `subresource: 'status'` change only status.
   */
  update(input: KInput, opts: { subresource?: 'status'; dryRun?: boolean } = {}): KObject {
    return this.updateObject(input, opts, false);
  }

  /**
   * `owned`: the input is a private copy the caller hands over (from `mutate`), so it is not
   * copied again: store writes are the engine's hottest path.
   */
  private updateObject(
    input: KInput,
    opts: { subresource?: 'status'; dryRun?: boolean },
    owned: boolean,
  ): KObject {
    const kind = input.kind ?? '';
    const name = input.metadata?.name ?? '';
    const old = this.mustGet(kind, input.metadata?.namespace, name);
    if (
      input.metadata?.resourceVersion &&
      input.metadata.resourceVersion !== old.metadata.resourceVersion
    ) {
      throw conflict(qualifiedResource(kind), name);
    }
    let obj: KObject;
    if (opts.subresource === 'status') {
      if (owned) {
        // Keep the copy, but only its status may differ from the stored object.
        obj = input as KObject;
        for (const k of new Set([...Object.keys(obj), ...Object.keys(old)])) {
          if (k !== 'status' && !jsonEqual(obj[k], old[k])) obj[k] = deepClone(old[k]);
        }
      } else {
        obj = deepClone(old);
        obj.status = deepClone(input.status);
      }
    } else {
      obj = owned ? (input as KObject) : (deepClone(input) as KObject);
      if (HAS_STATUS_SUBRESOURCE.has(kind) && !(owned && jsonEqual(obj.status, old.status))) {
        obj.status = deepClone(old.status);
      }
      // Identity and server-owned metadata cannot be changed by clients.
      const keep = [
        'uid',
        'creationTimestamp',
        'deletionTimestamp',
        'deletionGracePeriodSeconds',
        'generation',
        'namespace',
        'name',
      ] as const;
      obj.metadata = { ...(obj.metadata ?? {}) } as KObject['metadata'];
      for (const f of keep) {
        if (old.metadata[f] === undefined) delete obj.metadata[f];
        else (obj.metadata as unknown as Record<string, unknown>)[f] = old.metadata[f];
      }
      if (
        !jsonEqual(old.spec, obj.spec) &&
        old.metadata.generation !== undefined &&
        !isBinding(old, obj)
      ) {
        obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    if (jsonEqual(obj, old)) return old;
    this.runAdmission('UPDATE', obj, old, opts.subresource);
    // Defaulting may turn a resubmitted object back into the stored one: then nothing is written.
    if (jsonEqual(obj, old)) return old;
    if (opts.dryRun) return deepFreeze(obj);
    return this.commitUpdate(obj, old);
  }

  /** Convenience for controllers: clone, change, write (no conflict check, like a retried update). */
  mutate(
    kind: string,
    namespace: string | undefined,
    name: string,
    fn: (o: KObject) => void,
    opts: { subresource?: 'status' } = {},
  ): KObject {
    const cur = this.mustGet(kind, namespace, name);
    const copy = deepClone(cur);
    fn(copy);
    copy.metadata.resourceVersion = cur.metadata.resourceVersion;
    return this.updateObject(copy, opts, true);
  }

  /**
   * DELETE. Objects with finalizers, and pods bound to a node with a grace period, are only marked
   * (deletionTimestamp set) and disappear when the finalizers are gone or the kubelet confirms with
   * a zero grace period, as in `k/k:pkg/registry/core/pod/strategy.go CheckGracefulDelete`.
   */
  delete(
    kind: string,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): KObject {
    const old = this.mustGet(kind, namespace, name);
    if (opts.uid && opts.uid !== old.metadata.uid) {
      throw conflict(qualifiedResource(kind), name);
    }
    const obj = deepClone(old);
    const md = obj.metadata;
    const finalizers = new Set(md.finalizers ?? []);
    if (!md.deletionTimestamp) {
      if (opts.propagationPolicy === 'Foreground') finalizers.add('foregroundDeletion');
      if (opts.propagationPolicy === 'Orphan') finalizers.add('orphan');
    }
    let grace = 0;
    if (kind === 'Pod' && obj.spec?.nodeName && !isTerminalPod(obj)) {
      grace =
        opts.gracePeriodSeconds ??
        md.deletionGracePeriodSeconds ??
        obj.spec.terminationGracePeriodSeconds ??
        30;
      if (md.deletionGracePeriodSeconds !== undefined)
        grace = Math.min(grace, md.deletionGracePeriodSeconds);
    }
    // A Namespace waits for the namespace controller to empty it and clear spec.finalizers
    // (k/k:pkg/registry/core/namespace/storage/storage.go Delete sets phase Terminating).
    const namespaceFinalizing = kind === 'Namespace' && (obj.spec?.finalizers?.length ?? 0) > 0;
    if (namespaceFinalizing) obj.status = { ...(obj.status ?? {}), phase: 'Terminating' };
    if (finalizers.size === 0 && grace === 0 && !namespaceFinalizing) {
      this.runAdmission('DELETE', old, old);
      this.bucket(kind).delete(keyOf(kind, old.metadata.namespace, name));
      this.cacheUpdate(kind, old, 'remove');
      const gone = deepFreeze({
        ...deepClone(old),
        metadata: { ...deepClone(old.metadata), resourceVersion: String(++this.rv) },
      });
      this.emit({ type: 'DELETED', object: gone, old });
      return gone;
    }
    md.finalizers = [...finalizers];
    if (md.finalizers.length === 0) delete md.finalizers;
    if (!md.deletionTimestamp) {
      md.deletionTimestamp = rfc3339(this.host.now() + grace * 1000);
      md.deletionGracePeriodSeconds = grace;
    } else if (grace < (md.deletionGracePeriodSeconds ?? Infinity)) {
      // A shorter grace period on a second delete shortens the pending deletion.
      md.deletionTimestamp = rfc3339(this.host.now() + grace * 1000);
      md.deletionGracePeriodSeconds = grace;
    }
    if (jsonEqual(obj, old)) return old;
    this.runAdmission('DELETE', obj, old);
    return this.commitUpdate(obj, old);
  }

  /** Removes a finalizer; the object goes once it has none left and is marked for deletion. */
  removeFinalizer(
    kind: string,
    namespace: string | undefined,
    name: string,
    finalizer: string,
  ): void {
    const cur = this.get(kind, namespace, name);
    if (!cur?.metadata.finalizers?.includes(finalizer)) return;
    const obj = deepClone(cur);
    obj.metadata.finalizers = obj.metadata.finalizers!.filter((f: string) => f !== finalizer);
    if (obj.metadata.finalizers!.length === 0) delete obj.metadata.finalizers;
    this.commitUpdate(obj, cur);
  }

  // ---------------------------------------------------------------- snapshot

  /**
   * Stored objects are immutable (deep-frozen), so a snapshot shares them instead of copying:
   * snapshots for step-back cost almost nothing until something changes.
   */
  snapshot(): { rv: number; objects: KObject[] } {
    return { rv: this.rv, objects: this.all() };
  }

  /**
   * Replaces the whole state without emitting watch events (components restore their own state).
   * Objects are frozen in place (a snapshot that crossed a worker boundary arrives unfrozen).
   */
  restore(s: { rv: number; objects: KObject[] }): void {
    this.objects.clear();
    this.sorted.clear();
    this.rv = s.rv;
    for (const o of s.objects) {
      const obj = deepFreeze(o);
      this.bucket(obj.kind).set(keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name), obj);
    }
  }

  // ---------------------------------------------------------------- internals

  private commitUpdate(obj: KObject, old: KObject): KObject {
    const key = keyOf(obj.kind, obj.metadata.namespace, obj.metadata.name);
    const md = obj.metadata;
    if (md.deletionTimestamp && (md.finalizers ?? []).length === 0) {
      const podWaiting = obj.kind === 'Pod' && (md.deletionGracePeriodSeconds ?? 0) > 0;
      const namespaceWaiting = obj.kind === 'Namespace' && (obj.spec?.finalizers?.length ?? 0) > 0;
      if (!podWaiting && !namespaceWaiting) {
        this.bucket(obj.kind).delete(key);
        this.cacheUpdate(obj.kind, obj, 'remove');
        md.resourceVersion = String(++this.rv);
        deepFreeze(obj);
        this.emit({ type: 'DELETED', object: obj, old });
        return obj;
      }
    }
    md.resourceVersion = String(++this.rv);
    deepFreeze(obj);
    this.bucket(obj.kind).set(key, obj);
    this.cacheUpdate(obj.kind, obj, 'replace');
    this.emit({ type: 'MODIFIED', object: obj, old });
    return obj;
  }

  private runAdmission(
    op: Operation,
    obj: KObject,
    old: KObject | undefined,
    subresource?: 'status',
  ): void {
    const ctx = { subresource };
    for (const a of this.admission) {
      if (!a.kinds || a.kinds.has(obj.kind)) a.hook(op, obj, old, this, ctx);
    }
  }

  private emit(e: WatchEvent): void {
    for (const w of [...this.watchers]) {
      if (!w.kinds || w.kinds.has(e.object.kind)) w.handler(e);
    }
  }

  private bucket(kind: string): Map<string, KObject> {
    let b = this.objects.get(kind);
    if (!b) {
      b = new Map();
      this.objects.set(kind, b);
    }
    return b;
  }

  private nsFor(kind: string, namespace: string | undefined): string | undefined {
    const res = resourceForKind(kind);
    if (res && !res.namespaced) return undefined;
    return namespace || 'default';
  }

  /** `kubernetes/apiserver:pkg/storage/names/generate.go`: base truncated to 58, plus 5 random chars. */
  private generateName(kind: string, namespace: string | undefined, base: string): string {
    const r = this.host.rng('apiserver/names');
    const prefix = base.length > 58 ? base.slice(0, 58) : base;
    for (;;) {
      const name = prefix + randomSuffix(r, 5);
      if (!this.get(kind, namespace, name)) return name;
    }
  }

  private newUid(): string {
    const r = this.host.rng('apiserver/uid');
    const hex = (n: number) => Array.from({ length: n }, () => r.int(16).toString(16)).join('');
    const variant = (8 + r.int(4)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
  }
}

/** The scheduler's bind (the pods/binding subresource) sets nodeName without a new generation. */
function isBinding(old: KObject, obj: KObject): boolean {
  return (
    obj.kind === 'Pod' &&
    !old.spec?.nodeName &&
    !!obj.spec?.nodeName &&
    jsonEqual({ ...old.spec, nodeName: obj.spec.nodeName }, obj.spec)
  );
}

export function isTerminalPod(p: KObject): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

function compareObjects(a: KObject, b: KObject): number {
  const an = a.metadata.namespace ?? '';
  const bn = b.metadata.namespace ?? '';
  if (an !== bn) return an < bn ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export { ApiError };
