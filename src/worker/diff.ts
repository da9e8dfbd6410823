/**
 * Collects what changed in a simulation between two batches: objects the UI draws (as trimmed
 * views, sent only when the view really changed), new or updated Events, and which components and
 * kinds were active. Nothing here is sent per tick; `take()` is called once per frame.
 */
import type { Simulation } from '../engine/sim';
import type { KObject } from '../engine/api/types';
import type { Activity, EventView, ObjView } from './protocol';
import { eventView, PodIndex, VIEW_KINDS, viewOf } from './views';

/** At most this many new Events per batch (a burst keeps the newest); the UI keeps a bounded log. */
export const MAX_EVENTS_PER_BATCH = 100;

export interface DiffOut {
  objects: ObjView[];
  removed: string[];
  events: EventView[];
  activity: Activity;
}

export class DiffTracker {
  private dirty = new Map<string, KObject>();
  private deleted = new Set<string>();
  private events = new Map<string, KObject>();
  private lastSent = new Map<string, string>();
  private podsChanged = false;
  private full = true;
  private components: Record<string, number> = {};
  private writes: Record<string, number> = {};
  private unwatch: (() => void) | undefined;
  private sim!: Simulation;

  /** Follows a (new) simulation; the next `take()` is a full resync. */
  attach(sim: Simulation): void {
    this.unwatch?.();
    this.sim = sim;
    this.dirty.clear();
    this.deleted.clear();
    this.events.clear();
    this.lastSent.clear();
    this.full = true;
    this.unwatch = sim.store.watch(null, (e) => {
      const o = e.object;
      this.writes[o.kind] = (this.writes[o.kind] ?? 0) + 1;
      if (o.kind === 'Event') {
        if (e.type !== 'DELETED') this.events.set(o.metadata.uid, o);
        return;
      }
      if (!VIEW_KINDS.has(o.kind)) return;
      if (o.kind === 'Pod') this.podsChanged = true;
      if (e.type === 'DELETED') {
        this.dirty.delete(o.metadata.uid);
        this.deleted.add(o.metadata.uid);
      } else {
        this.deleted.delete(o.metadata.uid);
        this.dirty.set(o.metadata.uid, o);
      }
    });
  }

  /** Counts a processed timer for the control-plane view. */
  noteComponent(name: string): void {
    this.components[name] = (this.components[name] ?? 0) + 1;
  }

  get isFull(): boolean {
    return this.full;
  }

  hasChanges(): boolean {
    return (
      this.full ||
      this.dirty.size > 0 ||
      this.deleted.size > 0 ||
      this.events.size > 0 ||
      Object.keys(this.components).length > 0
    );
  }

  take(): DiffOut {
    const store = this.sim.store;
    const pods = new PodIndex(store);
    const candidates: KObject[] = [];
    if (this.full) {
      for (const o of store.all()) if (VIEW_KINDS.has(o.kind)) candidates.push(o);
    } else {
      candidates.push(...this.dirty.values());
      // A pod change moves node capacity and Service endpoints: recompute those (few objects).
      if (this.podsChanged) candidates.push(...store.list('Node'), ...store.list('Service'));
    }
    const objects: ObjView[] = [];
    const seen = new Set<string>();
    for (const o of candidates) {
      const uid = o.metadata.uid;
      if (seen.has(uid)) continue;
      seen.add(uid);
      // A dirty entry may be stale if the object was replaced; views read the live store object.
      const live = store.get(o.kind, o.metadata.namespace, o.metadata.name);
      if (!live || live.metadata.uid !== uid) continue;
      const v = viewOf(live, pods);
      if (!v) continue;
      const json = JSON.stringify(v);
      if (this.lastSent.get(uid) === json) continue;
      this.lastSent.set(uid, json);
      objects.push(v);
    }
    const removed = [...this.deleted].filter((uid) => this.lastSent.delete(uid) || this.full);
    const evObjs = this.full ? store.list('Event') : [...this.events.values()];
    const evs = evObjs
      .map(eventView)
      .sort((a, b) => a.time - b.time)
      .slice(-MAX_EVENTS_PER_BATCH);
    const out: DiffOut = {
      objects,
      removed,
      events: evs,
      activity: { components: this.components, writes: this.writes },
    };
    this.dirty.clear();
    this.deleted.clear();
    this.events.clear();
    this.podsChanged = false;
    this.full = false;
    this.components = {};
    this.writes = {};
    return out;
  }
}
