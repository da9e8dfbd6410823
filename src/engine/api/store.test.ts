import { describe, expect, it } from 'vitest';
import { ApiStore, type WatchEvent } from './store';
import { Rng } from '../rng';
import { ApiError } from './errors';

function newStore(start = Date.parse('2026-01-05T09:00:00Z')) {
  const clock = { now: start };
  const rng = new Rng(1);
  const store = new ApiStore({ now: () => clock.now, rng: (s) => rng.stream(s) });
  const events: WatchEvent[] = [];
  store.watch(null, (e) => events.push(e));
  return { store, clock, events };
}

const deploy = (name: string, replicas = 1) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, labels: { app: name } },
  spec: {
    replicas,
    selector: { matchLabels: { app: name } },
    template: {
      metadata: { labels: { app: name } },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    },
  },
});

describe('ApiStore', () => {
  it('assigns identity on create: uid, resourceVersion, generation, creationTimestamp, namespace', () => {
    const { store } = newStore();
    const d = store.create(deploy('web'));
    expect(d.metadata.uid).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(d.metadata.namespace).toBe('default');
    expect(d.metadata.generation).toBe(1);
    expect(d.metadata.creationTimestamp).toBe('2026-01-05T09:00:00Z');
    expect(Number(d.metadata.resourceVersion)).toBeGreaterThan(0);
    expect(Object.isFrozen(d.spec.template)).toBe(true);
  });

  it('rejects duplicates with the API server wording', () => {
    const { store } = newStore();
    store.create(deploy('web'));
    expect(() => store.create(deploy('web'))).toThrow('deployments.apps "web" already exists');
  });

  it('bumps generation only when spec changes, and never for status writes', () => {
    const { store } = newStore();
    store.create(deploy('web'));
    const scaled = store.mutate('Deployment', 'default', 'web', (o) => (o.spec.replicas = 3));
    expect(scaled.metadata.generation).toBe(2);
    const labelled = store.mutate(
      'Deployment',
      'default',
      'web',
      (o) => (o.metadata.labels!.x = 'y'),
    );
    expect(labelled.metadata.generation).toBe(2);
    const st = store.mutate('Deployment', 'default', 'web', (o) => (o.status = { replicas: 3 }), {
      subresource: 'status',
    });
    expect(st.metadata.generation).toBe(2);
    expect(st.status).toEqual({ replicas: 3 });
  });

  it('keeps status on main-resource updates (status subresource)', () => {
    const { store } = newStore();
    store.create(deploy('web'));
    store.mutate('Deployment', 'default', 'web', (o) => (o.status = { replicas: 1 }), {
      subresource: 'status',
    });
    const u = store.mutate('Deployment', 'default', 'web', (o) => (o.status = { replicas: 99 }));
    expect(u.status).toEqual({ replicas: 1 });
  });

  it('enforces optimistic concurrency', () => {
    const { store } = newStore();
    const d = store.create(deploy('web'));
    store.mutate('Deployment', 'default', 'web', (o) => (o.spec.replicas = 2));
    const stale = { ...structuredClone(d), spec: { ...d.spec, replicas: 5 } };
    expect(() => store.update(stale)).toThrow(
      'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('emits ordered watch events with increasing resourceVersions', () => {
    const { store, events } = newStore();
    store.create(deploy('a'));
    store.mutate('Deployment', 'default', 'a', (o) => (o.spec.replicas = 2));
    store.delete('Deployment', 'default', 'a');
    expect(events.map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
    const rvs = events.map((e) => Number(e.object.metadata.resourceVersion));
    expect([...rvs].sort((x, y) => x - y)).toEqual(rvs);
    expect(new Set(rvs).size).toBe(3);
  });

  it('generates names from generateName with 5 characters of the apimachinery alphabet', () => {
    const { store } = newStore();
    const p = store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { generateName: 'web-7c5d8-' },
      spec: { containers: [] },
    });
    expect(p.metadata.name).toMatch(/^web-7c5d8-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('deletes a bound pod gracefully: Terminating until the kubelet confirms with grace 0', () => {
    const { store, clock } = newStore();
    store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { nodeName: 'node-1', containers: [] },
    });
    const marked = store.delete('Pod', 'default', 'p');
    expect(marked.metadata.deletionTimestamp).toBe('2026-01-05T09:00:30Z');
    expect(marked.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(store.get('Pod', 'default', 'p')).toBeDefined();
    clock.now += 5000;
    store.delete('Pod', 'default', 'p', { gracePeriodSeconds: 0 });
    expect(store.get('Pod', 'default', 'p')).toBeUndefined();
  });

  it('deletes an unscheduled pod at once', () => {
    const { store } = newStore();
    store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [] },
    });
    store.delete('Pod', 'default', 'p');
    expect(store.get('Pod', 'default', 'p')).toBeUndefined();
  });

  it('holds objects with finalizers until the last one is removed', () => {
    const { store } = newStore();
    store.create(deploy('web'));
    const d = store.delete('Deployment', 'default', 'web', { propagationPolicy: 'Foreground' });
    expect(d.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(d.metadata.deletionTimestamp).toBeDefined();
    store.removeFinalizer('Deployment', 'default', 'web', 'foregroundDeletion');
    expect(store.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('lists sorted by namespace and name, with label and field selectors', () => {
    const { store } = newStore();
    for (const [ns, n] of [
      ['b', 'z'],
      ['a', 'y'],
      ['a', 'x'],
    ]) {
      store.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: n, namespace: ns, labels: { n } },
      });
    }
    expect(
      store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`),
    ).toEqual(['a/x', 'a/y', 'b/z']);
    expect(
      store.list('ConfigMap', { labelSelector: 'n in (x,z)' }).map((o) => o.metadata.name),
    ).toEqual(['x', 'z']);
    expect(
      store
        .list('ConfigMap', { fieldSelector: 'metadata.namespace=b' })
        .map((o) => o.metadata.name),
    ).toEqual(['z']);
  });

  it('reports NotFound as the API server does', () => {
    const { store } = newStore();
    try {
      store.mustGet('Pod', 'default', 'x');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).message).toBe('pods "x" not found');
      expect((e as ApiError).code).toBe(404);
    }
  });

  it('snapshots and restores every object and the resourceVersion counter', () => {
    const { store } = newStore();
    store.create(deploy('a'));
    store.create(deploy('b'));
    const snap = JSON.parse(JSON.stringify(store.snapshot()));
    const { store: other } = newStore();
    other.restore(snap);
    expect(other.all()).toEqual(store.all());
    expect(other.create(deploy('c')).metadata.resourceVersion).toBe(
      store.create(deploy('c')).metadata.resourceVersion,
    );
  });
});

describe('Namespace deletion', () => {
  it('keeps a namespace Terminating until spec.finalizers is emptied', () => {
    const { store } = newStore();
    store.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'shop' },
      spec: { finalizers: ['kubernetes'] },
    });
    const ns = store.delete('Namespace', undefined, 'shop');
    expect(ns.status.phase).toBe('Terminating');
    expect(ns.metadata.deletionTimestamp).toBeDefined();
    store.mutate('Namespace', undefined, 'shop', (n) => (n.spec.finalizers = []));
    expect(store.get('Namespace', undefined, 'shop')).toBeUndefined();
  });
});

describe('sorted list view', () => {
  it('stays sorted through interleaved creates, updates and deletes', () => {
    const { store } = newStore();
    const rng = new Rng(3).stream('t');
    const live = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const name = `cm-${rng.int(60)}`;
      const ns = rng.pick(['a', 'b', 'default']);
      const key = `${ns}/${name}`;
      store.list('ConfigMap');
      if (!live.has(key)) {
        store.create({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name, namespace: ns },
          data: { i: String(i) },
        });
        live.add(key);
      } else if (rng.next() < 0.5) {
        store.mutate('ConfigMap', ns, name, (o) => (o.data = { i: String(i) }));
      } else {
        store.delete('ConfigMap', ns, name);
        live.delete(key);
      }
    }
    const listed = store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(listed).toEqual(
      [...live].sort((x, y) => {
        const [xn, xm] = x.split('/');
        const [yn, ym] = y.split('/');
        return xn === yn ? (xm < ym ? -1 : 1) : xn < yn ? -1 : 1;
      }),
    );
  });
});
