/** kube-controller-manager: every controller, in the order they start. */
import type { ComponentFactory } from '../sim';
import { NamespaceController } from './namespace';
import { ServiceAccountController } from './serviceaccount';
import { RootCaCertPublisher } from './rootcacert';
import { GarbageCollector } from './garbagecollector';
import { ReplicaSetController } from './replicaset/replicaset';
import { DeploymentController } from './deployment/deployment';
import { DaemonSetController } from './daemonset/daemonset';
import { StatefulSetController } from './statefulset/statefulset';
import { JobController } from './job/job';
import { CronJobController } from './cronjob/cronjob';
import { DisruptionController } from './disruption';

export const controllerFactories: ComponentFactory[] = [
  (sim) => [
    new NamespaceController(sim),
    new ServiceAccountController(sim),
    new RootCaCertPublisher(sim),
    new GarbageCollector(sim),
    new ReplicaSetController(sim),
    new DeploymentController(sim),
    new DaemonSetController(sim),
    new StatefulSetController(sim),
    new JobController(sim),
    new CronJobController(sim),
    new DisruptionController(sim),
  ],
];
