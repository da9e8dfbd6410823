/** `kubectl create -f` and the generators: deployment, job, cronjob, configmap, secret, namespace, service. */
import type { KInput } from '../../api/types';
import { ApiError } from '../../api/errors';
import {
  DRY_RUN_FLAGS,
  FIELD_MANAGER,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  SELECTOR_FLAGS,
  dryRunOf,
  type DryRun,
} from '../commonflags';
import {
  CommandError,
  namespaceOf,
  reportError,
  warnRecord,
  type Ctx,
  type KubectlCommand,
} from '../context';
import { readManifests, validateManifest } from '../manifests';
import { resourceForKindName } from '../resources';
import { forStore, printResult } from '../writes';
import { LAST_APPLIED, lastAppliedFor } from './apply';
import { CREATE_MORE_FLAGS, generatedMore } from './create-more';
import {
  configMapObject,
  cronJobObject,
  deploymentObject,
  jobObject,
  namespaceObject,
  secretObject,
  serviceObject,
} from './generators';

/** Creates (or dry-runs) an object and prints the result line (`typed`: see printObjects). */
export function createAndPrint(ctx: Ctx, obj: KInput, dry: DryRun, typed = false): void {
  const info = resourceForKindName(obj.kind ?? '');
  const o = forStore(obj);
  if (info?.namespaced)
    o.metadata = { ...o.metadata, namespace: o.metadata?.namespace || namespaceOf(ctx) };
  if (ctx.flags.bool('save-config'))
    o.metadata = {
      ...o.metadata,
      annotations: { ...(o.metadata?.annotations ?? {}), [LAST_APPLIED]: lastAppliedFor(o) },
    };
  if (dry === 'client') {
    // EnforceNamespace: an explicit -n lands in the client-side object.
    const shown =
      info?.namespaced && ctx.flags.has('namespace')
        ? { ...obj, metadata: { ...obj.metadata, namespace: namespaceOf(ctx) } }
        : obj;
    printResult(ctx, shown, 'created', dry, typed);
    return;
  }
  const created = ctx.sim.store.create(o, { dryRun: dry === 'server' });
  printResult(ctx, created, 'created', dry, typed);
}

function literals(ctx: Ctx): Record<string, string> {
  const data: Record<string, string> = {};
  for (const l of ctx.flags.strs('from-literal')) {
    const i = l.indexOf('=');
    if (i <= 0) throw new CommandError(`invalid literal source ${l}, expected key=value`);
    data[l.slice(0, i)] = l.slice(i + 1);
  }
  for (const f of ctx.flags.strs('from-file')) {
    const i = f.indexOf('=');
    const key = i > 0 ? f.slice(0, i) : f.split('/').pop()!;
    const path = i > 0 ? f.slice(i + 1) : f;
    const text = ctx.session.files?.read(path);
    if (text === undefined)
      throw new CommandError(`error reading ${path}: no such file or directory`);
    data[key] = text;
  }
  for (const f of ctx.flags.strs('from-env-file')) {
    const text = ctx.session.files?.read(f);
    if (text === undefined) throw new CommandError(`error reading ${f}: no such file or directory`);
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const i = t.indexOf('=');
      data[i < 0 ? t : t.slice(0, i)] = i < 0 ? '' : t.slice(i + 1);
    }
  }
  return data;
}

function requireName(ctx: Ctx, what: string): string {
  const name = ctx.args[1];
  if (!name)
    throw new CommandError(
      `exactly one NAME is required, got 0\nSee 'kubectl create ${what} -h' for help and examples`,
    );
  return name;
}

function requireImage(ctx: Ctx): void {
  if (ctx.flags.strs('image').length === 0 && !ctx.flags.str('from'))
    throw new CommandError(`required flag(s) "image" not set`);
}

function generated(ctx: Ctx): KInput {
  const sub = ctx.args[0];
  const f = ctx.flags;
  const more = generatedMore(ctx);
  if (more) return more;
  switch (sub) {
    case 'deployment':
    case 'deploy': {
      const name = requireName(ctx, 'deployment');
      requireImage(ctx);
      const cmd = ctx.dash?.length ? ctx.dash : undefined;
      return deploymentObject(
        name,
        f.strs('image'),
        f.int('replicas', 1),
        f.has('port') ? f.int('port') : undefined,
        cmd,
      );
    }
    case 'job': {
      const name = requireName(ctx, 'job');
      if (f.str('from')) return jobFromCronJob(ctx, name);
      requireImage(ctx);
      return jobObject(name, f.strs('image')[0], ctx.dash);
    }
    case 'cronjob':
    case 'cj': {
      const name = requireName(ctx, 'cronjob');
      requireImage(ctx);
      if (!f.str('schedule')) throw new CommandError(`required flag(s) "schedule" not set`);
      return cronJobObject(name, f.strs('image')[0], f.str('schedule'), ctx.dash);
    }
    case 'configmap':
    case 'cm':
      return configMapObject(requireName(ctx, 'configmap'), literals(ctx));
    case 'secret': {
      if (ctx.args[1] !== 'generic')
        throw new CommandError(
          `kubectl create secret ${ctx.args[1] ?? ''} is not supported in Kubeplay (use: create secret generic)`,
        );
      const name = ctx.args[2];
      if (!name) throw new CommandError(`exactly one NAME is required, got 0`);
      return secretObject(name, literals(ctx), f.str('type') || undefined);
    }
    case 'namespace':
    case 'ns':
      return namespaceObject(requireName(ctx, 'namespace'));
    case 'service':
    case 'svc': {
      const type = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer' }[
        ctx.args[1] ?? ''
      ];
      if (!type)
        throw new CommandError(
          `kubectl create service ${ctx.args[1] ?? ''} is not supported in Kubeplay (use clusterip, nodeport or loadbalancer)`,
        );
      const name = ctx.args[2];
      if (!name) throw new CommandError(`exactly one NAME is required, got 0`);
      return serviceObject(
        name,
        type,
        f.strs('tcp'),
        f.has('node-port') ? f.int('node-port') : undefined,
      );
    }
  }
  throw new CommandError(`kubectl create ${sub} is not supported in Kubeplay`);
}

function jobFromCronJob(ctx: Ctx, name: string): KInput {
  const from = ctx.flags.str('from');
  const [kind, cjName] = from.split('/');
  if (!['cronjob', 'cronjobs', 'cj', 'cronjob.batch'].includes(kind) || !cjName)
    throw new CommandError(`from must be an existing cronjob: ${from}`);
  const cj = ctx.sim.store.mustGet('CronJob', namespaceOf(ctx), cjName);
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
      labels: cj.spec?.jobTemplate?.metadata?.labels,
      name,
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          blockOwnerDeletion: true,
          controller: true,
          kind: 'CronJob',
          name: cjName,
          uid: cj.metadata.uid,
        },
      ],
    },
    spec: JSON.parse(JSON.stringify(cj.spec?.jobTemplate?.spec ?? {})),
  } as KInput;
}

function run(ctx: Ctx): number {
  warnRecord(ctx);
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  const files = ctx.flags.strs('filename');
  if (files.length) {
    const { objects, error } = readManifests(ctx, files);
    let failed = false;
    for (const m of objects) {
      const invalid = validateManifest(m);
      if (invalid) {
        ctx.io.err(`error: ${invalid}\n`);
        failed = true;
        continue;
      }
      const { source, ...obj } = m;
      try {
        createAndPrint(ctx, obj, dry);
      } catch (e) {
        failed = true;
        reportError(
          ctx.io,
          e instanceof ApiError
            ? new ApiError(e.reason, `error when creating "${source}": ${e.message}`, e.details)
            : e,
        );
      }
    }
    if (error) return reportError(ctx.io, error);
    return failed ? 1 : 0;
  }
  if (ctx.args.length === 0) {
    ctx.io.err(`error: must specify one of -f and -k\n`);
    return 1;
  }
  const obj = generated(ctx);
  try {
    createAndPrint(ctx, obj, dry, true);
  } catch (e) {
    const prefix = failurePrefix(obj);
    if (e instanceof ApiError && prefix) throw new CommandError(`${prefix}${e.message}`);
    throw e;
  }
  return 0;
}

/** The subcommands' `fmt.Errorf("failed to create deployment: %v", err)` (create_*.go). */
function failurePrefix(obj: KInput): string | undefined {
  switch (obj.kind) {
    case 'Deployment':
    case 'Job':
    case 'CronJob':
    case 'ConfigMap':
      return `failed to create ${obj.kind.toLowerCase()}: `;
    case 'Secret':
      return 'failed to create secret ';
    case 'Ingress':
      return 'failed to create ingress: ';
    case 'Service':
      return `failed to create ${String((obj.spec as { type?: string } | undefined)?.type ?? 'ClusterIP')} service: `;
  }
  return undefined;
}

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    ...FIELD_MANAGER,
    image: { type: 'strings' },
    replicas: { type: 'int', short: 'r', default: 1 },
    port: { type: 'int', default: -1 },
    'from-literal': { type: 'strings' },
    'from-file': { type: 'strings' },
    'from-env-file': { type: 'strings' },
    type: { type: 'string' },
    tcp: { type: 'strings' },
    'node-port': { type: 'int' },
    schedule: { type: 'string' },
    from: { type: 'string' },
    edit: { type: 'bool' },
    'append-hash': { type: 'bool' },
    windows: { type: 'bool' },
    ...CREATE_MORE_FLAGS,
  },
  run,
};
