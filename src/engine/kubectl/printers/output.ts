/**
 * `-o` handling shared by get, create, apply, run, expose...: tables (with NAMESPACE, kind
 * prefixes, -L, --show-labels), yaml, json, name, jsonpath, jsonpath-as-json, custom-columns.
 */
import type { KObject } from '../../api/types';
import { UsageError } from '../flags';
import { kindPrefix, resourceForKindName, type ResourceInfo } from '../resources';
import { columnsFor } from './index';
import {
  JsonPathError,
  formatJsonPathValue,
  jsonPath,
  jsonPathValues,
  relaxedJsonPath,
} from './jsonpath';
import { columnWidths, renderTable, type PrintContext } from './table';
import { toJson, toOrderedJson, toYaml } from './yaml';
import { structOrdered } from './structorder';

export type OutputKind =
  'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'custom-columns';

export interface OutputFormat {
  kind: OutputKind;
  template?: string;
}

const GET_FORMATS =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
const OBJECT_FORMATS =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parses `-o`; `tables` says whether the command prints tables (get) or only objects (create, apply). */
export function parseOutput(value: string, tables: boolean): OutputFormat {
  if (value === '') return { kind: 'table' };
  const eq = value.indexOf('=');
  const name = eq < 0 ? value : value.slice(0, eq);
  const arg = eq < 0 ? undefined : value.slice(eq + 1);
  switch (name) {
    case 'yaml':
    case 'json':
    case 'name':
      return { kind: name };
    case 'wide':
      if (tables) return { kind: 'wide' };
      break;
    case 'jsonpath':
    case 'jsonpath-as-json':
      if (!arg) throw new UsageError(`template format specified but no template given`);
      return { kind: name, template: arg };
    case 'custom-columns':
      if (!tables) break;
      if (!arg) throw new UsageError(`custom-columns format specified but no custom columns given`);
      return { kind: 'custom-columns', template: arg };
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile':
    case 'jsonpath-file':
    case 'custom-columns-file':
      throw new UsageError(`-o ${name} is not supported in Kubeplay`);
  }
  throw new UsageError(
    `unable to match a printer suitable for the output format "${value}", allowed formats are: ${tables ? GET_FORMATS : OBJECT_FORMATS}`,
  );
}

export function listWrapper(items: KObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}

export function nameOf(o: KObject): string {
  const info = resourceForKindName(o.kind);
  return info
    ? `${kindPrefix(info)}/${o.metadata.name}`
    : `${o.kind.toLowerCase()}/${o.metadata.name}`;
}

/**
 * Prints objects in a non-table format; `single` prints the object itself instead of a List;
 * `typed` objects (built by create/run/expose) print JSON in Go struct order (structorder.ts).
 */
export function printObjects(
  objs: KObject[],
  fmt: OutputFormat,
  single: boolean,
  typed = false,
): string {
  const data = single && objs.length === 1 ? objs[0] : listWrapper(objs);
  switch (fmt.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json': {
      const ordered = typed && data === objs[0] ? structOrdered(objs[0]) : undefined;
      return ordered ? toOrderedJson(ordered) : toJson(data);
    }
    case 'name':
      return objs.map((o) => nameOf(o) + '\n').join('');
    case 'jsonpath':
      return jsonPath(fmt.template!, data);
    case 'jsonpath-as-json':
      return toJson(jsonPathValues(fmt.template!, data));
  }
  throw new Error(`not an object format: ${fmt.kind}`);
}

export interface TableOptions {
  wide: boolean;
  noHeaders: boolean;
  showLabels: boolean;
  labelColumns: string[];
  withNamespace: boolean;
  withKind: boolean;
}

function labelString(l: Record<string, string> | undefined): string {
  const keys = Object.keys(l ?? {}).sort();
  return keys.length ? keys.map((k) => `${k}=${l![k]}`).join(',') : '<none>';
}

/** Header and rows of one kind's table. */
export function tableRows(
  objs: KObject[],
  info: ResourceInfo | undefined,
  opts: TableOptions,
  ctx: PrintContext,
  kind: string,
): string[][] {
  const cols = columnsFor(kind, opts.wide);
  const labelCols = opts.labelColumns.flatMap((l) => l.split(',')).filter((l) => l);
  const header = [
    ...(opts.withNamespace ? ['NAMESPACE'] : []),
    ...cols.map((c) => c.header),
    ...labelCols.map((l) => l.split('/').pop()!.toUpperCase()),
    ...(opts.showLabels ? ['LABELS'] : []),
  ];
  const rows = objs.map((o) => {
    const cells = cols.map((c) => {
      const v = c.cell(o, ctx);
      return c.header === 'NAME' && opts.withKind && info ? `${kindPrefix(info)}/${v}` : v;
    });
    return [
      ...(opts.withNamespace ? [o.metadata.namespace ?? ''] : []),
      ...cells,
      ...labelCols.map((l) => o.metadata.labels?.[l] ?? ''),
      ...(opts.showLabels ? [labelString(o.metadata.labels)] : []),
    ];
  });
  return opts.noHeaders ? rows : [header, ...rows];
}

export function renderKindTable(
  objs: KObject[],
  info: ResourceInfo | undefined,
  opts: TableOptions,
  ctx: PrintContext,
  kind: string,
): string {
  return renderTable(tableRows(objs, info, opts, ctx, kind));
}

export function parseCustomColumns(spec: string): { header: string; path: string }[] {
  return spec.split(',').map((part) => {
    const i = part.indexOf(':');
    if (i < 0)
      throw new UsageError(
        `unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`,
      );
    return { header: part.slice(0, i), path: relaxedJsonPath(part.slice(i + 1)) };
  });
}

/** `-o custom-columns=NAME:.metadata.name,...`: several values joined by commas, `<none>` when missing. */
export function customColumnRows(objs: KObject[], spec: string, noHeaders: boolean): string[][] {
  const cols = parseCustomColumns(spec);
  const rows = objs.map((o) =>
    cols.map((c) => {
      const vals = jsonPathValues(c.path, o).filter((v) => v !== undefined && v !== null);
      return vals.length === 0 ? '<none>' : vals.map(formatJsonPathValue).join(',');
    }),
  );
  return noHeaders ? rows : [cols.map((c) => c.header), ...rows];
}

export { JsonPathError, columnWidths, renderTable };
