/** `kubectl describe`: the describer per kind, objects separated by a blank line (k8s.io/kubectl/pkg/cmd/describe). */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { FILENAME_FLAGS, SELECTOR_FLAGS } from '../commonflags';
import { apiErrorText, CommandError, namespaceOf, type Ctx, type KubectlCommand } from '../context';
import { collect } from '../commands/get';
import { describePod } from './pod';
import { describeServiceAccount } from './serviceaccount';
import { describeCronJob, describeEndpoints, describeHPA, describePDB } from './policy';
import { describeIngress, describePV, describePVC } from './storage';
import {
  describeDaemonSet,
  describeDeployment,
  describeJob,
  describeReplicaSet,
  describeStatefulSet,
} from './workloads';
import {
  describeConfigMap,
  describeGeneric,
  describeNamespace,
  describeNode,
  describeSecret,
  describeService,
} from './core';

const DESCRIBERS: Record<string, (sim: Simulation, o: KObject) => string> = {
  Pod: describePod,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  Job: describeJob,
  Service: describeService,
  Node: describeNode,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  ServiceAccount: describeServiceAccount,
  HorizontalPodAutoscaler: describeHPA,
  PodDisruptionBudget: describePDB,
  CronJob: describeCronJob,
  Endpoints: describeEndpoints,
  PersistentVolumeClaim: describePVC,
  PersistentVolume: describePV,
  Ingress: describeIngress,
};

export function describeObject(sim: Simulation, o: KObject): string {
  return (DESCRIBERS[o.kind] ?? describeGeneric)(sim, o);
}

function run(ctx: Ctx): number {
  if (ctx.args.length === 0 && ctx.flags.strs('filename').length === 0) {
    throw new CommandError(
      `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`,
    );
  }
  // `describe pods web` matches pods whose name starts with "web" (describe.go DescribeMatchingResources).
  const { groups, errors, named } = collect(ctx, {
    allNamespaces: ctx.flags.bool('all-namespaces'),
    selector: ctx.flags.str('selector'),
    fieldSelector: '',
  });
  const out: string[] = [];
  const prefixErrors: typeof errors = [];
  for (const e of errors) {
    const g = groups.find(
      (x) => e.message.startsWith(`${x.info.plural}`) || e.message.includes(`${x.info.plural}.`),
    );
    const name = e.details.name ?? '';
    const matches = g
      ? ctx.sim.store
          .list(g.info.kind, { namespace: g.info.namespaced ? namespaceOf(ctx) : undefined })
          .filter((o) => o.metadata.name.startsWith(name))
      : [];
    if (matches.length && g) g.objects.push(...matches);
    else prefixErrors.push(e);
  }
  for (const g of groups) for (const o of g.objects) out.push(describeObject(ctx.sim, o));
  if (out.length) ctx.io.out(out.join('\n\n'));
  for (const e of prefixErrors) ctx.io.err(apiErrorText(e) + '\n');
  if (!named && out.length === 0 && prefixErrors.length === 0) {
    ctx.io.err(
      groups.every((g) => g.info.namespaced) && !ctx.flags.bool('all-namespaces')
        ? `No resources found in ${namespaceOf(ctx)} namespace.\n`
        : 'No resources found\n',
    );
  }
  return prefixErrors.length ? 1 : 0;
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: {
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    'all-namespaces': { type: 'bool', short: 'A' },
    'show-events': { type: 'bool', default: true },
    'chunk-size': { type: 'int', default: 500 },
  },
  run,
};
