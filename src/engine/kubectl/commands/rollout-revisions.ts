/**
 * `kubectl rollout history|undo` for DaemonSets and StatefulSets, read from their
 * ControllerRevisions (k8s.io/kubectl/pkg/polymorphichelpers/history.go printHistory,
 * DaemonSetHistoryViewer, StatefulSetHistoryViewer; rollback.go DaemonSetRollbacker,
 * StatefulSetRollbacker, findHistory).
 */
import type { KObject } from '../../api/types';
import { jsonEqual } from '../../api/types';
import { revisionsOf, templatePatch } from '../../controllers/util/history';
import { dryRunOf } from '../commonflags';
import { CommandError, type Ctx } from '../context';
import { kindPrefix, type ResourceInfo } from '../resources';
import { tabwrite } from '../printers/tabwriter';
import { Writer } from '../describe/common';
import { describePodTemplate } from '../describe/containers';
import { printResult } from '../writes';
import { writeBack } from './mutate';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** applyDaemonSetHistory / applyRevision: the pod template a revision's "replace" patch restores. */
function templateOf(rev: KObject): Record<string, unknown> {
  const t = { ...((rev.data?.spec?.template ?? {}) as Record<string, unknown>) };
  delete t.$patch;
  return t;
}

/** printTemplate: describe.DescribePodTemplate into a buffer. */
function describeTemplate(template: unknown): string {
  const w = new Writer();
  describePodTemplate(w, template as KObject['spec']);
  return w.raw();
}

/** printHistory; the command prints `<kind>/<name> <with revision #N>\n<text>\n`. */
export function revisionHistory(ctx: Ctx, info: ResourceInfo, o: KObject): void {
  // historyInfo is keyed by revision: a later duplicate wins, as in the Go map.
  const byRevision = new Map<number, KObject>();
  for (const r of revisionsOf(ctx.sim.store, o)) byRevision.set(r.revision ?? 0, r);
  const rev = ctx.flags.int('revision', 0);
  const ref = `${kindPrefix(info)}/${o.metadata.name}`;
  let text: string;
  if (byRevision.size === 0) text = 'No rollout history found.';
  else if (rev > 0) {
    const r = byRevision.get(rev);
    if (!r) throw new CommandError('unable to find the specified revision');
    text = describeTemplate(templateOf(r));
  } else {
    const rows = ['REVISION\tCHANGE-CAUSE\n'];
    for (const n of [...byRevision.keys()].sort((a, b) => a - b)) {
      const cause = byRevision.get(n)?.metadata.annotations?.[CHANGE_CAUSE] || '<none>';
      rows.push(`${n}\t${cause}\n`);
    }
    text = tabwrite(rows.join(''));
  }
  ctx.io.out(`${ref} ${rev > 0 ? `with revision #${rev}` : ''}\n${text}\n`);
}

/** DaemonSetRollbacker.Rollback / StatefulSetRollbacker.Rollback. */
export function revisionUndo(ctx: Ctx, o: KObject): void {
  const to = ctx.flags.int('to-revision', 0);
  const notFound = () => new CommandError(`unable to find specified revision ${to} in history`);
  if (to < 0) throw notFound();
  const all = revisionsOf(ctx.sim.store, o);
  if (to === 0 && all.length <= 1) throw new CommandError('no last revision to roll back to');
  // findHistory: the second-highest revision, or the one asked for.
  const target =
    to === 0
      ? [...all].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0))[all.length - 2]
      : all.find((r) => r.revision === to);
  if (!target) throw notFound();
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  if (dry === 'client') {
    printResult(ctx, o, describeTemplate(templateOf(target)), dry);
    return;
  }
  // daemonSetMatch / statefulSetMatch: the current template's patch equals the revision's data.
  if (jsonEqual(templatePatch(o), target.data)) {
    printResult(ctx, o, `skipped rollback (current template already matches revision ${to})`);
    return;
  }
  const next = JSON.parse(JSON.stringify(o)) as KObject;
  next.spec.template = templateOf(target);
  writeBack(ctx, o, next, dry);
  printResult(ctx, next, 'rolled back', dry);
}
