/**
 * cordon, uncordon and taint (k8s.io/kubectl/pkg/cmd/drain, pkg/cmd/taint); drain is in drain.ts.
 */
import type { KObject } from '../../api/types';
import { DRY_RUN_FLAGS, OUTPUT_FLAGS, SELECTOR_FLAGS, dryRunOf } from '../commonflags';
import { CommandError, type Ctx, type KubectlCommand } from '../context';
import { targets, writeBack } from './mutate';

export function nodes(ctx: Ctx): KObject[] {
  if (ctx.args.length === 0 && !ctx.flags.str('selector'))
    throw new CommandError(
      "USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples",
    );
  const args = ctx.args.length ? ['nodes', ...ctx.args] : ['nodes'];
  return targets(ctx, args).map((t) => t.obj);
}

/** Sets spec.unschedulable; prints `node/n cordoned` or `node/n already cordoned`. */
export function cordon(ctx: Ctx, node: KObject, on: boolean): void {
  const verb = on ? 'cordoned' : 'uncordoned';
  if (!!node.spec?.unschedulable === on) {
    ctx.io.out(`node/${node.metadata.name} already ${verb}\n`);
    return;
  }
  const next = JSON.parse(JSON.stringify(node)) as KObject;
  if (on) next.spec = { ...next.spec, unschedulable: true };
  else delete next.spec.unschedulable;
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  writeBack(ctx, node, next, dry);
  ctx.io.out(
    `node/${node.metadata.name} ${verb}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`,
  );
}

function cordonCmd(ctx: Ctx, on: boolean): number {
  for (const n of nodes(ctx)) cordon(ctx, n, on);
  return 0;
}

export const cordonCommand: KubectlCommand = {
  name: 'cordon',
  short: 'Mark node as unschedulable',
  usage: 'kubectl cordon NODE [options]',
  flags: { ...SELECTOR_FLAGS, ...DRY_RUN_FLAGS },
  run: (ctx) => cordonCmd(ctx, true),
};

export const uncordonCommand: KubectlCommand = {
  name: 'uncordon',
  short: 'Mark node as schedulable',
  usage: 'kubectl uncordon NODE [options]',
  flags: { ...SELECTOR_FLAGS, ...DRY_RUN_FLAGS },
  run: (ctx) => cordonCmd(ctx, false),
};

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** `kubectl taint nodes NAME key=value:Effect` / `key:Effect-` / `key-`. */
function taint(ctx: Ctx): number {
  const [type, ...rest] = ctx.args;
  if (!type) throw new CommandError('at least one taint update is required');
  const specs = rest.filter((a) => a.includes(':') || a.includes('=') || a.endsWith('-'));
  const names = rest.filter((a) => !specs.includes(a));
  const adds: Taint[] = [];
  const removes: { key: string; effect?: string }[] = [];
  for (const s of specs) {
    if (s.endsWith('-')) {
      const body = s.slice(0, -1);
      const [key, effect] = body.split(':');
      removes.push({ key: key.split('=')[0], effect });
      continue;
    }
    const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(s);
    if (!m) {
      if (/:(.+)$/.test(s))
        throw new CommandError(
          `invalid taint effect: ${s.split(':').pop()}, unsupported taint effect`,
        );
      throw new CommandError(`invalid taint spec: ${s}, unknown taint spec: ${s}`);
    }
    adds.push({ key: m[1], ...(m[2] ? { value: m[2] } : {}), effect: m[3] });
  }
  if (adds.length === 0 && removes.length === 0)
    throw new CommandError('at least one taint update is required');
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  for (const { obj } of targets(ctx, [type, ...names])) {
    let list = [...((obj.spec?.taints ?? []) as Taint[])];
    for (const r of removes) {
      const before = list.length;
      list = list.filter((t) => !(t.key === r.key && (!r.effect || t.effect === r.effect)));
      if (list.length === before)
        throw new CommandError(
          `taint ${JSON.stringify(r.key + (r.effect ? ':' + r.effect : ''))} not found`,
        );
    }
    for (const a of adds) {
      const i = list.findIndex((t) => t.key === a.key && t.effect === a.effect);
      if (i >= 0) {
        if (!ctx.flags.bool('overwrite'))
          throw new CommandError(
            `node ${obj.metadata.name} already has ${a.key} taint(s) with same effect(s) and --overwrite is false`,
          );
        list[i] = a;
      } else list.push(a);
    }
    const next = JSON.parse(JSON.stringify(obj)) as KObject;
    if (list.length) next.spec = { ...next.spec, taints: list };
    else delete next.spec.taints;
    writeBack(ctx, obj, next, dry);
    const verb = removes.length && !adds.length ? 'untainted' : 'tainted';
    ctx.io.out(`node/${obj.metadata.name} ${verb}${dry === 'client' ? ' (dry run)' : ''}\n`);
  }
  return 0;
}

export const taintCommand: KubectlCommand = {
  name: 'taint',
  short: 'Update the taints on one or more nodes',
  usage:
    'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...SELECTOR_FLAGS,
    ...DRY_RUN_FLAGS,
    overwrite: { type: 'bool' },
    all: { type: 'bool' },
  },
  run: taint,
};
