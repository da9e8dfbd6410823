/**
 * Reading `-f` sources: files (through the session's FileSource), directories, `-f -` (stdin) and
 * the official `https://k8s.io/examples/...` manifests. Documents are split on `---` lines as
 * apimachinery's YAMLReader does, and a broken document stops the reading with kubectl's message
 * (`error parsing web.yaml: error converting YAML to JSON: yaml: line 7: ...`; the line counts
 * from the start of that document, as go-yaml sees only the document's own text).
 */
import { parseDocument } from 'yaml';
import type { KInput } from '../api/types';
import { CommandError, type Ctx } from './context';
import { EXAMPLES } from './examples';

export interface Manifest extends KInput {
  /** Where the object came from, as kubectl names it in messages (`web.yaml`, `STDIN`, a URL). */
  source: string;
}

export interface ManifestResult {
  objects: Manifest[];
  /** Set when a document could not be read; the objects before it are still returned. */
  error?: CommandError;
}

const EXAMPLES_PREFIXES = [
  'https://k8s.io/examples/',
  'http://k8s.io/examples/',
  'https://raw.githubusercontent.com/kubernetes/website/main/content/en/examples/',
];
const MANIFEST_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** go-yaml's wording for the errors the `yaml` package reports (by error code). */
function goYamlMessage(code: string): string {
  switch (code) {
    case 'TAB_AS_INDENT':
      return 'found character that cannot start any token';
    case 'MISSING_CHAR':
      return 'found unexpected end of stream';
    case 'BAD_INDENT':
    case 'MISSING_KEY':
      return 'did not find expected key';
    case 'DUPLICATE_KEY':
      return 'mapping key already defined';
    default:
      return 'mapping values are not allowed in this context';
  }
}

function splitDocuments(text: string): string[] {
  const docs: string[] = [];
  let cur: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---\s*$/.test(line) || line.startsWith('--- ')) {
      docs.push(cur.join('\n'));
      cur = [];
    } else cur.push(line);
  }
  docs.push(cur.join('\n'));
  return docs;
}

/** Parses one source's text into objects (a `kind: List` expands to its items). */
export function parseManifestText(text: string, source: string): ManifestResult {
  const objects: Manifest[] = [];
  for (const chunk of splitDocuments(text)) {
    if (!chunk.trim()) continue;
    const doc = parseDocument(chunk, { uniqueKeys: false });
    if (doc.errors.length) {
      const multi = doc.errors.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY');
      const first = doc.errors[0];
      const line = multi ? multi.linePos?.[1]?.line : first.linePos?.[0]?.line;
      return {
        objects,
        error: new CommandError(
          `error parsing ${source}: error converting YAML to JSON: yaml: line ${line ?? 1}: ${goYamlMessage(first.code)}`,
        ),
      };
    }
    const value = doc.toJS() as unknown;
    if (value === null || value === undefined) continue;
    if (typeof value !== 'object' || Array.isArray(value)) {
      return {
        objects,
        error: new CommandError(
          `error parsing ${source}: json: cannot unmarshal ${Array.isArray(value) ? 'array' : typeof value} into Go value of type map[string]interface {}`,
        ),
      };
    }
    const o = value as KInput;
    if (o.kind === 'List' && Array.isArray(o.items)) {
      for (const it of o.items as KInput[]) objects.push({ ...it, source });
      continue;
    }
    objects.push({ ...o, source });
  }
  return { objects };
}

function exampleText(url: string): string | undefined {
  for (const p of EXAMPLES_PREFIXES) if (url.startsWith(p)) return EXAMPLES[url.slice(p.length)];
  return undefined;
}

/** Resolves every `-f` argument in order; stops at the first error. */
export function readManifests(ctx: Ctx, files: string[]): ManifestResult {
  const objects: Manifest[] = [];
  const add = (text: string, source: string): CommandError | undefined => {
    const r = parseManifestText(text, source);
    objects.push(...r.objects);
    return r.error;
  };
  for (const f of files) {
    let err: CommandError | undefined;
    if (f === '-') err = add(ctx.stdin ?? '', 'STDIN');
    else if (/^https?:\/\//.test(f)) {
      const text = exampleText(f);
      if (text === undefined)
        err = new CommandError(
          `unable to read URL "${f}", server reported 404 Not Found, status code=404`,
        );
      else err = add(text, f);
    } else {
      const text = ctx.session.files?.read(f);
      if (text !== undefined) err = add(text, f);
      else {
        const entries = ctx.session.files?.list(f);
        if (!entries) err = new CommandError(`the path "${f}" does not exist`);
        else {
          for (const e of [...entries].sort()) {
            if (!MANIFEST_EXTENSIONS.some((x) => e.endsWith(x))) continue;
            const p = `${f.replace(/\/$/, '')}/${e}`;
            const t = ctx.session.files?.read(p);
            if (t !== undefined && (err = add(t, p))) break;
          }
        }
      }
    }
    if (err) return { objects, error: err };
  }
  return { objects };
}

/** kubectl's client-side check before sending (`kind not set`, `apiVersion not set`). */
export function validateManifest(m: Manifest): string | undefined {
  const missing = !m.kind ? 'kind not set' : !m.apiVersion ? 'apiVersion not set' : undefined;
  if (!missing) return undefined;
  return `error validating "${m.source}": error validating data: ${missing}; if you choose to ignore these errors, turn validation off with --validate=false`;
}
