/** Networking: endpoints controllers, kube-proxy, cluster DNS, load balancers, Ingress, traffic. */
import type { ComponentFactory } from '../sim';
import { autoscalingFactories } from '../autoscaling';
import { EndpointSliceController } from './endpointslice-controller';
import { EndpointsController } from './endpoints-controller';
import { KubeProxy } from './kube-proxy';
import { ServiceController } from './service-controller';
import { IngressNginxController } from './ingress';
import { RequestLog } from './request-log';
import { trafficComponents } from './traffic';

export const networkFactories: ComponentFactory[] = [
  (sim) => {
    sim.registerExtension(new RequestLog());
    return [
      new EndpointSliceController(sim),
      new EndpointsController(sim),
      new ServiceController(sim),
      new KubeProxy(sim),
      new IngressNginxController(sim),
    ];
  },
  trafficComponents,
  // The HPA lives in kube-controller-manager; it is installed here until controllers/ lists it.
  ...autoscalingFactories,
];

export { curl } from './curl';
export { startTraffic, stopTraffic, trafficGenerators } from './traffic';
export { requestRate } from './load';
export { requestLog, requestsSince, onRequest, type RequestRecord } from './request-log';
export { resolveServiceTarget, serviceTable } from './kube-proxy';
