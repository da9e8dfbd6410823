/**
 * `kubectl apply -f`: client-side apply (k8s.io/kubectl/pkg/cmd/apply). New objects are created
 * with the `kubectl.kubernetes.io/last-applied-configuration` annotation; existing ones are
 * patched with the three-way merge of last-applied, the new configuration and the live object.
 */
import type { KObject } from '../../api/types';
import { ApiError } from '../../api/errors';
import { deepClone, jsonEqual } from '../../api/types';
import { strategicMergePatch, threeWayMergePatch } from '../../api/patch';
import {
  DRY_RUN_FLAGS,
  FIELD_MANAGER,
  FILENAME_FLAGS,
  OUTPUT_FLAGS,
  SELECTOR_FLAGS,
  dryRunOf,
} from '../commonflags';
import {
  CommandError,
  namespaceOf,
  reportError,
  warnRecord,
  type Ctx,
  type KubectlCommand,
} from '../context';
import { readManifests, validateManifest, type Manifest } from '../manifests';
import { findResource, resourceForKindName } from '../resources';
import { printResult } from '../writes';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** `GetModifiedConfiguration`: the object without the annotation, as compact JSON plus "\n". */
export function lastAppliedFor(obj: Record<string, unknown>): string {
  const copy = deepClone(obj) as { metadata?: { annotations?: Record<string, string> } };
  copy.metadata = copy.metadata ?? {};
  const ann = { ...(copy.metadata.annotations ?? {}) };
  delete ann[LAST_APPLIED];
  copy.metadata.annotations = ann;
  return stableJson(copy) + '\n';
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}

function withoutSource(m: Manifest): Record<string, unknown> {
  const { source: _source, ...rest } = m;
  return rest;
}

/** Applies one manifest; returns the verb printed (`created`, `configured`, `unchanged`). */
export function applyOne(
  ctx: Ctx,
  m: Manifest,
  dry: ReturnType<typeof dryRunOf>,
): { obj: KObject; verb: string } {
  const info = findResource(m.kind ?? '') && resourceForKindName(m.kind!);
  if (!info)
    throw new CommandError(
      `resource mapping not found for name: "${m.metadata?.name ?? ''}" namespace: "${m.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${m.kind}" in version "${m.apiVersion}"\nensure CRDs are installed first`,
    );
  const cfg = withoutSource(m) as Record<string, unknown> & { metadata: Record<string, unknown> };
  cfg.metadata = { ...(cfg.metadata ?? {}) };
  const ns = namespaceOf(ctx);
  if (info.namespaced) {
    const fileNs = cfg.metadata.namespace as string | undefined;
    if (fileNs && ctx.flags.has('namespace') && fileNs !== ctx.flags.str('namespace')) {
      throw new CommandError(
        `the namespace from the provided object "${fileNs}" does not match the namespace "${ctx.flags.str('namespace')}". You must pass '--namespace=${fileNs}' to perform this operation.`,
      );
    }
    cfg.metadata.namespace = fileNs || ns;
  }
  const applied = lastAppliedFor(cfg);
  const modified = deepClone(cfg) as KObject;
  modified.metadata.annotations = {
    ...(modified.metadata.annotations ?? {}),
    [LAST_APPLIED]: applied,
  };
  const store = ctx.sim.store;
  const name = String(cfg.metadata.name ?? '');
  const live = name
    ? store.get(info.kind, cfg.metadata.namespace as string | undefined, name)
    : undefined;
  if (!live) {
    if (dry === 'client') return { obj: modified, verb: 'created' };
    return { obj: store.create(modified, { dryRun: dry === 'server' }), verb: 'created' };
  }
  const originalText = live.metadata.annotations?.[LAST_APPLIED];
  const original = originalText ? (JSON.parse(originalText) as unknown) : undefined;
  const patch = threeWayMergePatch(original, modified, live, info);
  if (Object.keys(patch).length === 0) return { obj: live, verb: 'unchanged' };
  const merged = strategicMergePatch(live, patch, info) as KObject;
  if (jsonEqual(merged, live)) return { obj: live, verb: 'unchanged' };
  if (dry === 'client') return { obj: merged, verb: 'configured' };
  const updated = store.update(
    { ...merged, metadata: { ...merged.metadata, resourceVersion: live.metadata.resourceVersion } },
    { dryRun: dry === 'server' },
  );
  return { obj: updated, verb: 'configured' };
}

function errorWhen(e: ApiError, verb: string, source: string): ApiError {
  return new ApiError(e.reason, `error when ${verb} "${source}": ${e.message}`, e.details);
}

function run(ctx: Ctx): number {
  warnRecord(ctx);
  const files = ctx.flags.strs('filename');
  if (
    ctx.args[0] === 'view-last-applied' ||
    ctx.args[0] === 'set-last-applied' ||
    ctx.args[0] === 'edit-last-applied'
  ) {
    return reportError(
      ctx.io,
      new CommandError(`kubectl apply ${ctx.args[0]} is not supported in Kubeplay`),
    );
  }
  if (files.length === 0 && !ctx.flags.str('kustomize')) {
    ctx.io.err(`error: must specify one of -f and -k\n`);
    return 1;
  }
  if (ctx.flags.str('kustomize'))
    return reportError(ctx.io, new CommandError('kubectl apply -k is not supported in Kubeplay'));
  if (ctx.flags.bool('server-side'))
    return reportError(
      ctx.io,
      new CommandError('kubectl apply --server-side is not supported in Kubeplay'),
    );
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  const { objects, error } = readManifests(ctx, files);
  let failed = false;
  for (const m of objects) {
    const invalid = validateManifest(m);
    if (invalid) {
      ctx.io.err(`error: ${invalid}\n`);
      failed = true;
      continue;
    }
    try {
      const exists = !!ctx.sim.store.get(
        m.kind!,
        m.metadata?.namespace || namespaceOf(ctx),
        m.metadata?.name ?? '',
      );
      try {
        const { obj, verb } = applyOne(ctx, m, dry);
        printResult(ctx, obj, verb, dry);
      } catch (e) {
        if (e instanceof ApiError) throw errorWhen(e, exists ? 'patching' : 'creating', m.source);
        throw e;
      }
    } catch (e) {
      reportError(ctx.io, e);
      failed = true;
    }
  }
  if (error) {
    reportError(ctx.io, error);
    return 1;
  }
  return failed ? 1 : 0;
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    ...FIELD_MANAGER,
    prune: { type: 'bool' },
    'server-side': { type: 'bool' },
    'force-conflicts': { type: 'bool' },
    overwrite: { type: 'bool', default: true },
    force: { type: 'bool' },
    'grace-period': { type: 'int', default: -1 },
    timeout: { type: 'string' },
    wait: { type: 'bool' },
    all: { type: 'bool' },
  },
  run,
};
