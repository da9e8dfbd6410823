/**
 * The service controller with a MetalLB-like load-balancer provider: a LoadBalancer Service gets
 * an ingress IP from a fixed pool a moment after it is created, so `kubectl get svc` shows
 * `<pending>` first. Events mirror k/k:staging/src/k8s.io/cloud-provider/controllers/service/controller.go
 * (EnsuringLoadBalancer, EnsuredLoadBalancer, DeletingLoadBalancer, DeletedLoadBalancer).
 */
import type { Json } from '../clock';
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import { Controller, splitKey } from '../controllers/controller';
import { events } from '../events';

export const SERVICE_CONTROLLER = 'service-controller';
/** The address pool, as MetalLB is usually configured on kind (172.18.255.200-250). */
export const LB_POOL_START = '172.18.255.200';
export const LB_POOL_SIZE = 51;
/** Time the provider takes to program a load balancer (MetalLB answers within about a second). */
export const LB_PROVISION_DELAY_MS = 1_500;

function poolIp(i: number): string {
  const parts = LB_POOL_START.split('.').map(Number);
  return `${parts[0]}.${parts[1]}.${parts[2]}.${parts[3] + i}`;
}

function lbIngress(svc: KObject): string[] {
  return ((svc.status?.loadBalancer?.ingress ?? []) as { ip?: string }[])
    .map((i) => i.ip)
    .filter((ip): ip is string => !!ip);
}

export class ServiceController extends Controller {
  /** Services whose provisioning is under way (so a resync does not record Ensuring twice). */
  private provisioning = new Set<string>();

  constructor(sim: Simulation) {
    super(sim, SERVICE_CONTROLLER);
    this.watch(['Service'], (e) => {
      if (
        e.type === 'DELETED' ||
        e.object.spec?.type === 'LoadBalancer' ||
        e.old?.spec?.type === 'LoadBalancer'
      )
        this.enqueue(e.object);
    });
  }

  start(): void {
    for (const s of this.store.list('Service'))
      if (s.spec?.type === 'LoadBalancer') this.enqueue(s);
  }

  sync(key: string): void {
    const { namespace = 'default', name } = splitKey(key);
    const svc = this.store.get('Service', namespace, name);
    if (!svc) {
      this.provisioning.delete(key);
      return;
    }
    const isLb = svc.spec?.type === 'LoadBalancer';
    const current = lbIngress(svc);
    if (!isLb) {
      if (current.length === 0) return;
      events(this.sim).record(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer', {
        component: SERVICE_CONTROLLER,
      });
      this.store.mutate(
        'Service',
        namespace,
        name,
        (o) => {
          o.status = { ...(o.status ?? {}), loadBalancer: {} };
        },
        { subresource: 'status' },
      );
      events(this.sim).record(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer', {
        component: SERVICE_CONTROLLER,
      });
      return;
    }
    if (current.length > 0 || this.provisioning.has(key)) return;
    this.provisioning.add(key);
    events(this.sim).record(svc, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', {
      component: SERVICE_CONTROLLER,
    });
    this.sim.after(LB_PROVISION_DELAY_MS, this.name, 'ensured', key);
  }

  /** The first free pool address, or the one the Service asks for (spec.loadBalancerIP) if free. */
  allocate(svc: KObject): string | undefined {
    const used = new Set<string>();
    for (const s of this.store.list('Service'))
      if (s.metadata.uid !== svc.metadata.uid) for (const ip of lbIngress(s)) used.add(ip);
    const wanted = svc.spec?.loadBalancerIP as string | undefined;
    const pool = Array.from({ length: LB_POOL_SIZE }, (_, i) => poolIp(i));
    if (wanted) return pool.includes(wanted) && !used.has(wanted) ? wanted : undefined;
    return pool.find((ip) => !used.has(ip));
  }

  protected override onAction(action: string, payload: Json): void {
    if (action !== 'ensured') return;
    const key = String(payload);
    this.provisioning.delete(key);
    const { namespace = 'default', name } = splitKey(key);
    const svc = this.store.get('Service', namespace, name);
    if (!svc || svc.spec?.type !== 'LoadBalancer' || lbIngress(svc).length > 0) return;
    const ip = this.allocate(svc);
    if (!ip) {
      // Stays <pending>, as with an exhausted MetalLB pool.
      events(this.sim).record(
        svc,
        'Warning',
        'AllocationFailed',
        `Failed to allocate IP for "${namespace}/${name}": no available IPs`,
        { component: 'metallb-controller' },
      );
      return;
    }
    this.store.mutate(
      'Service',
      namespace,
      name,
      (o) => {
        o.status = { ...(o.status ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } };
      },
      { subresource: 'status' },
    );
    events(this.sim).record(svc, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', {
      component: SERVICE_CONTROLLER,
    });
  }

  protected override saveState(): Json {
    return [...this.provisioning].sort();
  }

  protected override loadState(s: Json): void {
    this.provisioning = new Set((s as string[] | null) ?? []);
  }
}
