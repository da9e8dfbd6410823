/**
 * An ingress-nginx-like Ingress controller: publishes its address in each Ingress's status and
 * routes HTTP requests by host and path (https://kubernetes.io/docs/concepts/services-networking/ingress/:
 * Exact and Prefix path types, longest match wins, Exact before Prefix; ImplementationSpecific
 * is nginx's plain location prefix). Requests that match no rule get the default backend's 404.
 */
import type { Json } from '../clock';
import type { Component, Simulation } from '../sim';
import type { KObject } from '../api/types';
import { jsonEqual } from '../api/types';
import { events } from '../events';
import { nodeInternalIp } from './service-table';

export const INGRESS_CONTROLLER = 'ingress-nginx-controller';
/** `--controller-class` of ingress-nginx. */
export const INGRESS_NGINX_CONTROLLER_CLASS = 'k8s.io/ingress-nginx';
export const INGRESS_CLASS_NAME = 'nginx';
/** ingress-nginx publishes the address once its first sync of the new Ingress is done (simulated). */
export const INGRESS_STATUS_DELAY_MS = 2_000;
/** The body ingress-nginx's default backend answers when no rule matches. */
export const DEFAULT_BACKEND_BODY = 'default backend - 404';

export interface IngressBackend {
  namespace: string;
  ingress: string;
  service: string;
  /** Service port: a number or the port's name. */
  port: number | string;
}

export type IngressRoute = { kind: 'backend'; backend: IngressBackend } | { kind: 'default' };

/** The controller answers for Ingresses of its class, or without a class (playground convenience). */
export function handledByNginx(store: Simulation['store'], ing: KObject): boolean {
  const cls =
    ing.spec?.ingressClassName ?? ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  if (!cls || cls === INGRESS_CLASS_NAME) return true;
  return (
    store.get('IngressClass', undefined, cls)?.spec?.controller === INGRESS_NGINX_CONTROLLER_CLASS
  );
}

/** The address ingress-nginx publishes: the first node's InternalIP (hostPort 80/443, as on minikube). */
export function ingressAddress(sim: Simulation): string | undefined {
  const node = sim.store
    .list('Node')
    .sort((a, b) =>
      (nodeInternalIp(a) ?? '').localeCompare(nodeInternalIp(b) ?? '', 'en', { numeric: true }),
    )[0];
  return node ? nodeInternalIp(node) : undefined;
}

function hostMatches(ruleHost: string, host: string): boolean {
  if (ruleHost.startsWith('*.')) {
    const rest = ruleHost.slice(1);
    return (
      host.endsWith(rest) && !host.slice(0, -rest.length).includes('.') && host.length > rest.length
    );
  }
  return ruleHost === host;
}

/** Prefix matching is element-wise: `/foo` matches `/foo` and `/foo/bar`, not `/foobar`. */
function pathMatches(type: string, rulePath: string, path: string): boolean {
  if (type === 'Exact') return path === rulePath;
  if (type === 'Prefix') {
    const p = rulePath.replace(/\/+$/, '');
    if (p === '') return true;
    return path === p || path.startsWith(p + '/');
  }
  return path.startsWith(rulePath);
}

function backendOf(ing: KObject, b: KObject | undefined): IngressBackend | undefined {
  const svc = b?.service;
  if (!svc?.name) return undefined;
  return {
    namespace: ing.metadata.namespace!,
    ingress: ing.metadata.name,
    service: svc.name,
    port: svc.port?.number ?? svc.port?.name ?? 80,
  };
}

/** Picks the backend for a request to `host` + `path` across every Ingress the controller serves. */
export function routeIngress(ingresses: KObject[], host: string, path: string): IngressRoute {
  const h = host.toLowerCase().replace(/:\d+$/, '');
  const p = path.split('?')[0] || '/';
  type Rule = { ing: KObject; host?: string; http?: { paths?: KObject[] } };
  const rules: Rule[] = [];
  for (const ing of ingresses)
    for (const r of ing.spec?.rules ?? []) rules.push({ ing, host: r.host, ...r });
  const exact = rules.filter((r) => r.host && r.host === h);
  const wildcard = rules.filter((r) => r.host && r.host.startsWith('*.') && hostMatches(r.host, h));
  const group = exact.length ? exact : wildcard.length ? wildcard : rules.filter((r) => !r.host);
  let best: { backend: IngressBackend; len: number; exact: boolean } | undefined;
  for (const r of group) {
    for (const hp of r.http?.paths ?? []) {
      const type = hp.pathType ?? 'ImplementationSpecific';
      const rp = hp.path ?? '/';
      if (!pathMatches(type, rp, p)) continue;
      const backend = backendOf(r.ing, hp.backend);
      if (!backend) continue;
      const len = rp.replace(/\/+$/, '').length;
      const isExact = type === 'Exact';
      if (!best || len > best.len || (len === best.len && isExact && !best.exact))
        best = { backend, len, exact: isExact };
    }
  }
  if (best) return { kind: 'backend', backend: best.backend };
  const owners = group.length ? group.map((r) => r.ing) : ingresses;
  for (const ing of owners) {
    const b = backendOf(ing, ing.spec?.defaultBackend);
    if (b) return { kind: 'backend', backend: b };
  }
  return { kind: 'default' };
}

/** Host names of every served Ingress → controller address (the playground's /etc/hosts). */
export function ingressHosts(sim: Simulation): Record<string, string> {
  const addr = ingressAddress(sim);
  const out: Record<string, string> = {};
  if (!addr) return out;
  for (const ing of sim.store.list('Ingress')) {
    if (!handledByNginx(sim.store, ing)) continue;
    for (const r of ing.spec?.rules ?? [])
      if (r.host && !r.host.startsWith('*.')) out[r.host.toLowerCase()] = addr;
  }
  return out;
}

export function servedIngresses(sim: Simulation): KObject[] {
  return sim.store.list('Ingress').filter((i) => handledByNginx(sim.store, i));
}

export class IngressNginxController implements Component {
  readonly name = INGRESS_CONTROLLER;
  private stops: (() => void)[] = [];

  constructor(private sim: Simulation) {
    this.stops.push(
      sim.store.watch(['Ingress'], (e) => {
        if (e.type === 'DELETED') return;
        if (e.type === 'MODIFIED' && jsonEqual(e.object.spec, e.old?.spec)) return;
        this.schedule(e.object);
      }),
    );
  }

  start(): void {
    for (const ing of this.sim.store.list('Ingress')) this.schedule(ing);
  }

  stop(): void {
    for (const s of this.stops) s();
  }

  private schedule(ing: KObject): void {
    if (!handledByNginx(this.sim.store, ing)) return;
    this.sim.after(
      INGRESS_STATUS_DELAY_MS,
      this.name,
      'sync',
      `${ing.metadata.namespace}/${ing.metadata.name}`,
    );
  }

  onTimer(action: string, payload: Json): void {
    if (action !== 'sync') return;
    const [ns, name] = String(payload).split('/');
    const ing = this.sim.store.get('Ingress', ns, name);
    const addr = ingressAddress(this.sim);
    if (!ing || !addr || !handledByNginx(this.sim.store, ing)) return;
    events(this.sim).record(ing, 'Normal', 'Sync', 'Scheduled for sync', {
      component: 'nginx-ingress-controller',
    });
    const want = [{ ip: addr }];
    if (jsonEqual(ing.status?.loadBalancer?.ingress ?? [], want)) return;
    this.sim.store.mutate(
      'Ingress',
      ns,
      name,
      (o) => {
        o.status = { ...(o.status ?? {}), loadBalancer: { ingress: want } };
      },
      { subresource: 'status' },
    );
  }
}
