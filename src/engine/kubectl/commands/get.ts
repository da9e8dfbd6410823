/** `kubectl get`: tables, -o formats, -A, -l, --field-selector, --sort-by, -w (k8s.io/kubectl/pkg/cmd/get). */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { ApiError, notFound } from '../../api/errors';
import { parseDuration } from '../../clock';
import { FILENAME_FLAGS, OUTPUT_FLAGS, SELECTOR_FLAGS } from '../commonflags';
import {
  CommandError,
  apiErrorText,
  namespaceOf,
  reportError,
  type Ctx,
  type KubectlCommand,
} from '../context';
import { UsageError } from '../flags';
import { parseResourceArgs, qualified, resourceForKindName, type ResourceInfo } from '../resources';
import { readManifests } from '../manifests';
import { jsonPathValues, relaxedJsonPath } from '../printers/jsonpath';
import {
  columnWidths,
  customColumnRows,
  parseOutput,
  printObjects,
  renderTable,
  tableRows,
  type OutputFormat,
  type TableOptions,
} from '../printers/output';
import { renderRow } from '../printers/table';

export interface Group {
  info: ResourceInfo;
  objects: KObject[];
}

/** Lists or fetches what resource arguments / -f name; NotFound errors are collected, not thrown. */
export function collect(
  ctx: Ctx,
  opts: { allNamespaces: boolean; selector: string; fieldSelector: string },
): { groups: Group[]; errors: ApiError[]; named: boolean } {
  const ns = namespaceOf(ctx);
  const store = ctx.sim.store;
  const groups: Group[] = [];
  const errors: ApiError[] = [];
  const files = ctx.flags.strs('filename');
  if (files.length) {
    const docs = readManifests(ctx, files);
    for (const d of docs.objects) {
      const info = resourceForKindName(d.kind ?? '');
      if (!info) continue;
      const name = d.metadata?.name ?? '';
      const o = store.get(
        info.kind,
        info.namespaced ? d.metadata?.namespace || ns : undefined,
        name,
      );
      let g = groups.find((x) => x.info === info);
      if (!g) groups.push((g = { info, objects: [] }));
      if (o) g.objects.push(o);
      else errors.push(notFound(qualified(info), name));
    }
    if (docs.error) throw docs.error;
    return { groups, errors, named: true };
  }
  const reqs = parseResourceArgs(ctx.args);
  let named = false;
  for (const r of reqs) {
    const g: Group = { info: r.info, objects: [] };
    groups.push(g);
    if (r.names.length) {
      named = true;
      for (const n of r.names) {
        const o = store.get(r.info.kind, r.info.namespaced ? ns : undefined, n);
        if (o) g.objects.push(o);
        else errors.push(notFound(qualified(r.info), n));
      }
    } else {
      g.objects = store.list(r.info.kind, {
        namespace: r.info.namespaced && !opts.allNamespaces ? ns : undefined,
        labelSelector: opts.selector || undefined,
        fieldSelector: opts.fieldSelector || undefined,
      });
    }
  }
  return { groups, errors, named };
}

function sortObjects(objs: KObject[], expr: string): KObject[] {
  const path = relaxedJsonPath(expr);
  const key = (o: KObject) => jsonPathValues(path, o)[0];
  return [...objs].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (x === undefined || y === undefined) return x === undefined ? (y === undefined ? 0 : -1) : 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : String(x) > String(y) ? 1 : 0;
  });
}

function tableOptions(
  ctx: Ctx,
  fmt: OutputFormat,
  withNamespace: boolean,
  withKind: boolean,
): TableOptions {
  return {
    wide: fmt.kind === 'wide',
    noHeaders: ctx.flags.bool('no-headers'),
    showLabels: ctx.flags.bool('show-labels'),
    labelColumns: ctx.flags.strs('label-columns'),
    withNamespace,
    withKind,
  };
}

function noResources(ctx: Ctx, allNs: boolean, groups: Group[]): string {
  const namespaced = groups.every((g) => g.info.namespaced);
  return allNs || !namespaced
    ? 'No resources found\n'
    : `No resources found in ${namespaceOf(ctx)} namespace.\n`;
}

function* run(ctx: Ctx): CommandRun {
  const f = ctx.flags;
  if (ctx.args.length === 0 && f.strs('filename').length === 0) {
    ctx.io.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    ctx.io.err(
      `error: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples\n`,
    );
    return 1;
  }
  let fmt: OutputFormat;
  let result: ReturnType<typeof collect>;
  const allNs = f.bool('all-namespaces');
  try {
    fmt = parseOutput(f.str('output'), true);
    result = collect(ctx, {
      allNamespaces: allNs,
      selector: f.str('selector'),
      fieldSelector: f.str('field-selector'),
    });
  } catch (e) {
    return reportError(ctx.io, e);
  }
  const { groups, named } = result;
  const errors = f.bool('ignore-not-found')
    ? result.errors.filter((e) => e.reason !== 'NotFound')
    : result.errors;
  if (f.str('sort-by'))
    for (const g of groups) g.objects = sortObjects(g.objects, f.str('sort-by'));
  const watching = f.bool('watch') || f.bool('watch-only');
  const total = groups.reduce((n, g) => n + g.objects.length, 0);
  const ctxP = { now: ctx.sim.now(), sim: ctx.sim };
  const withNs = allNs && groups.some((g) => g.info.namespaced);
  const withKind =
    groups.length > 1 ||
    ctx.args.some((a) => a.includes('/')) ||
    ctx.args[0]?.toLowerCase() === 'all';
  let widths: number[] = [];
  if (endpointsRequested(groups))
    ctx.io.err(
      'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    );
  if (!f.bool('watch-only')) {
    try {
      if (fmt.kind === 'table' || fmt.kind === 'wide') {
        const tables: string[] = [];
        for (const g of groups) {
          if (g.objects.length === 0) continue;
          const rows = tableRows(
            g.objects,
            g.info,
            tableOptions(ctx, fmt, withNs, withKind),
            ctxP,
            g.info.kind,
          );
          widths = columnWidths(rows);
          tables.push(renderTable(rows, widths));
        }
        ctx.io.out(tables.join('\n'));
      } else if (fmt.kind === 'custom-columns') {
        const objs = groups.flatMap((g) => g.objects);
        if (objs.length)
          ctx.io.out(renderTable(customColumnRows(objs, fmt.template!, f.bool('no-headers'))));
      } else {
        const objs = groups.flatMap((g) => g.objects);
        if (objs.length || fmt.kind !== 'name')
          ctx.io.out(
            printObjects(
              objs,
              fmt,
              named && total === 1 && errors.length === 0 && !ctx.args[0]?.includes(','),
            ),
          );
      }
    } catch (e) {
      return reportError(ctx.io, e);
    }
  }
  for (const e of errors) ctx.io.err(apiErrorText(e) + '\n');
  if (
    total === 0 &&
    errors.length === 0 &&
    !named &&
    (fmt.kind === 'table' || fmt.kind === 'wide' || fmt.kind === 'custom-columns') &&
    !watching
  ) {
    ctx.io.err(noResources(ctx, allNs, groups));
  }
  if (!watching) return errors.length ? 1 : 0;
  return yield* watch(ctx, groups, fmt, { withNs, withKind, widths, allNs, named });
}

function endpointsRequested(groups: Group[]): boolean {
  return groups.some((g) => g.info.kind === 'Endpoints');
}

function* watch(
  ctx: Ctx,
  groups: Group[],
  fmt: OutputFormat,
  o: { withNs: boolean; withKind: boolean; widths: number[]; allNs: boolean; named: boolean },
): CommandRun {
  if (groups.length !== 1)
    return reportError(ctx.io, new CommandError('you may only specify a single resource type'));
  const g = groups[0];
  const ns = namespaceOf(ctx);
  const names = new Set(g.objects.map((x) => x.metadata.name));
  const f = ctx.flags;
  let widths = o.widths;
  let header = widths.length === 0 && !f.bool('no-headers');
  const stop = ctx.sim.store.watch([g.info.kind], (e) => {
    const obj = e.object;
    if (g.info.namespaced && !o.allNs && obj.metadata.namespace !== ns) return;
    if (o.named && !names.has(obj.metadata.name)) return;
    if (f.str('selector')) {
      const matching = ctx.sim.store.list(g.info.kind, { labelSelector: f.str('selector') });
      if (e.type !== 'DELETED' && !matching.some((m) => m.metadata.uid === obj.metadata.uid))
        return;
    }
    const ctxP = { now: ctx.sim.now(), sim: ctx.sim };
    if (fmt.kind === 'table' || fmt.kind === 'wide') {
      const opts = tableOptions(ctx, fmt, o.withNs, o.withKind);
      const rows = tableRows([obj], g.info, { ...opts, noHeaders: !header }, ctxP, g.info.kind);
      if (f.bool('output-watch-events'))
        rows.forEach((r, i) => r.unshift(i === 0 && header ? 'EVENT' : e.type));
      widths = columnWidths(rows, widths);
      header = false;
      ctx.io.out(rows.map((r) => renderRow(r, widths)).join(''));
    } else if (fmt.kind === 'custom-columns') {
      ctx.io.out(renderTable(customColumnRows([obj], fmt.template!, true), widths));
    } else {
      ctx.io.out(printObjects([obj], fmt, true));
    }
  });
  const timeout = f.str('request-timeout');
  const ms = timeout && timeout !== '0' ? parseDuration(timeout) : undefined;
  try {
    yield { until: () => false, timeoutAt: ms ? ctx.sim.now() + ms : Infinity, untilIdle: true };
  } finally {
    stop();
  }
  return 0;
}

export const getCommand: KubectlCommand = {
  name: 'get',
  short: 'Display one or many resources',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...FILENAME_FLAGS,
    ...SELECTOR_FLAGS,
    'all-namespaces': { type: 'bool', short: 'A' },
    'field-selector': { type: 'string' },
    'show-labels': { type: 'bool' },
    'label-columns': { type: 'strings', short: 'L' },
    watch: { type: 'bool', short: 'w' },
    'watch-only': { type: 'bool' },
    'output-watch-events': { type: 'bool' },
    'sort-by': { type: 'string' },
    'no-headers': { type: 'bool' },
    'ignore-not-found': { type: 'bool' },
    'chunk-size': { type: 'int', default: 500 },
    'show-kind': { type: 'bool' },
    raw: { type: 'string' },
    subresource: { type: 'string' },
  },
  run,
};

export { UsageError };
