/**
 * Building blocks of `kubectl describe` (k8s.io/kubectl/pkg/describe/describe.go): the prefix
 * writer levels, label/annotation/toleration blocks, RFC1123Z dates and the Events table.
 */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { parseTime } from '../../clock';
import { since } from '../humanize';
import { tabwrite } from '../printers/tabwriter';

/** describe.go `maxAnnotationLen`. */
const MAX_ANNOTATION_LEN = 140;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

export class Writer {
  private chunks: string[] = [];
  private flushed: string[] = [];
  /** `w.Write(LEVEL_n, text)`: two spaces per level. */
  write(level: number, text: string): void {
    this.chunks.push('  '.repeat(level) + text);
  }
  /** `w.Flush()`: aligns what was written so far on its own. */
  flush(): void {
    this.flushed.push(tabwrite(this.chunks.join('')));
    this.chunks = [];
  }
  /** The text without alignment (`rollout history --revision` writes raw tabs). */
  raw(): string {
    return this.chunks.join('');
  }
  toString(): string {
    this.flush();
    return this.flushed.join('');
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go `time.RFC1123Z` in UTC: `Mon, 05 Jan 2026 09:00:00 +0000`. */
export function rfc1123z(ts: string | undefined): string {
  const t = parseTime(ts);
  if (t === undefined) return '<unknown>';
  const d = new Date(t);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function labelsBlock(
  w: Writer,
  indent: string,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${indent}${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i) w.write(0, `${indent}\t`);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

export function annotationsBlock(
  w: Writer,
  indent: string,
  title: string,
  ann: Record<string, string> | undefined,
): void {
  w.write(0, `${indent}${title}:\t`);
  const keys = Object.keys(ann ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  // describe.go printAnnotationsMultiline: the title carries the indent, later lines only a tab.
  keys.forEach((k, i) => {
    if (i) w.write(0, '\t');
    const value = ann![k].replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n'))
        w.write(
          0,
          `\t  ${s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s}\n`,
        );
    } else w.write(0, `${k}: ${value}\n`);
  });
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
  tolerationSeconds?: number;
}

export function tolerationsBlock(
  w: Writer,
  indent: string,
  title: string,
  tolerations: Toleration[] | undefined,
): void {
  w.write(0, `${indent}${title}:\t`);
  const list = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    let s = i ? `${indent}\t` : '';
    s += t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null)
      s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** Events about an object, oldest first by last timestamp (`event.SortableEvents`). */
export function eventsFor(sim: Simulation, o: KObject): KObject[] {
  const ns = o.metadata.namespace;
  return sim.store
    .list('Event', { namespace: ns ?? undefined })
    .filter(
      (e) =>
        e.involvedObject?.uid === o.metadata.uid ||
        (e.involvedObject?.kind === o.kind &&
          e.involvedObject?.name === o.metadata.name &&
          !e.involvedObject?.uid),
    )
    .sort((a, b) => (parseTime(a.lastTimestamp) ?? 0) - (parseTime(b.lastTimestamp) ?? 0));
}

/** `DescribeEvents`. */
export function eventsBlock(w: Writer, events: KObject[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    // describe.go DescribeEvents: eventTime when set, else firstTimestamp.
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval = first;
    if (e.series)
      interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count} over ${first})`;
    else if ((e.count ?? 0) > 1)
      interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    const source = e.source?.component || e.reportingComponent || '';
    // kubectl 1.35 prefixes the involved object's fieldPath (kubernetes/kubernetes#133627).
    const fieldPath = e.involvedObject?.fieldPath;
    const message = String(e.message ?? '').trim();
    const text = fieldPath ? `${fieldPath}: ${message}` : message;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${source}\t${text}\n`);
  }
}

export function controllerOfText(o: KObject): string | undefined {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : undefined;
}

export function printBool(b: boolean | undefined): string {
  return b ? 'True' : 'False';
}
