/**
 * The event recorder (client-go `record.EventRecorder` + the API server's Event storage): writes
 * core/v1 Events for an object, aggregating repeats of the same reason and message into one
 * Event with a growing `count`, as `kubectl describe` shows ("x3 over 2m").
 */
import type { Json } from './clock';
import { rfc3339 } from './clock';
import type { Extension, Simulation } from './sim';
import type { KObject } from './api/types';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** e.g. `default-scheduler`, `deployment-controller`, `kubelet` */
  component: string;
  /** Node name for kubelet events. */
  host?: string;
}

export class EventRecorder implements Extension {
  readonly name = 'events';
  private index = new Map<string, string>();

  constructor(private sim: Simulation) {}

  record(
    involved: Pick<KObject, 'apiVersion' | 'kind' | 'metadata'>,
    type: EventType,
    reason: string,
    message: string,
    source: EventSource,
    fieldPath?: string,
  ): void {
    const store = this.sim.store;
    const md = involved.metadata;
    const namespace = md.namespace || 'default';
    const fp = `${involved.kind}|${namespace}|${md.name}|${md.uid}|${fieldPath ?? ''}|${type}|${reason}|${message}|${source.component}|${source.host ?? ''}`;
    const now = this.sim.now();
    const existing = this.index.get(fp);
    if (existing) {
      const ev = store.get('Event', namespace, existing);
      if (ev) {
        store.mutate('Event', namespace, existing, (e) => {
          e.count = (e.count ?? 1) + 1;
          e.lastTimestamp = rfc3339(now);
        });
        return;
      }
    }
    // Event names are `<object>.<unix nanoseconds in hex>` as client-go makes them.
    let nanos = BigInt(now) * 1_000_000n;
    let name = `${md.name}.${nanos.toString(16)}`;
    while (store.get('Event', namespace, name)) {
      nanos += 1n;
      name = `${md.name}.${nanos.toString(16)}`;
    }
    store.create({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: {
        apiVersion: involved.apiVersion,
        kind: involved.kind,
        name: md.name,
        namespace: md.namespace,
        uid: md.uid,
        resourceVersion: md.resourceVersion,
        ...(fieldPath ? { fieldPath } : {}),
      },
      reason,
      message,
      source: { component: source.component, ...(source.host ? { host: source.host } : {}) },
      firstTimestamp: rfc3339(now),
      lastTimestamp: rfc3339(now),
      eventTime: null,
      count: 1,
      type,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    });
    this.index.set(fp, name);
  }

  snapshot(): Json {
    return Object.fromEntries([...this.index].sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  restore(s: Json): void {
    this.index = new Map(Object.entries(s as Record<string, string>));
  }
}

/** The recorder of a simulation (registered by createSimulation). */
export function events(sim: Simulation): EventRecorder {
  const r = sim.extension<EventRecorder>('events');
  if (!r) throw new Error('event recorder not installed');
  return r;
}
