/**
 * `kubectl explain` over the generated OpenAPI definitions, printing what kubectl 1.32+ prints
 * with its default OpenAPI v3 plaintext template. Argument handling follows
 * kubectl/pkg/cmd/explain/explain.go and kubectl/pkg/explain/explain.go; rendering is in
 * schema/explain-template.ts.
 */
import { RESOURCES } from './generated/resources';
import { findResource } from './schema';
import { renderExplain } from './schema/explain-template';

export interface ExplainOptions {
  /** --recursive */
  readonly recursive?: boolean;
  /** --api-version, e.g. 'apps/v1' */
  readonly apiVersion?: string;
}

/** `text` is kubectl's stdout; `error` its stderr line as kubectl prints it ("error: ..." mostly). */
export type ExplainResult = { ok: true; text: string } | { ok: false; error: string };

function fail(message: string): ExplainResult {
  return { ok: false, error: message.startsWith('error: ') ? message : `error: ${message}` };
}

/** schema.ParseGroupVersion */
function parseGroupVersion(gv: string): { group: string; version: string } | undefined {
  if (gv === '' || gv === '/') return { group: '', version: '' };
  const parts = gv.split('/');
  if (parts.length === 1) return { group: '', version: parts[0] };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return undefined;
}

/**
 * Explains a resource or one of its fields: `explain('deployment.spec.replicas')`,
 * `explain('pods', { recursive: true })`, `explain('deployments.apps.spec')`.
 */
export function explain(path: string, opts: ExplainOptions = {}): ExplainResult {
  // explain.jsonPathParse trims one trailing period.
  const input = path.trim().replace(/\.$/, '');
  if (!input) {
    return fail(
      'You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n',
    );
  }
  const segments = input.split('.');
  if (segments.some((s) => s === '' || /[[\]{}()*@$'"]/.test(s))) {
    return fail('invalid jsonpath syntax, first node must be field node');
  }
  const res = findResource(segments[0]);
  if (!res) {
    // cmdutil.checkErr prints a RESTMapper NoResourceMatchError without the "error: " prefix.
    return { ok: false, error: `the server doesn't have a resource type "${segments[0]}"` };
  }

  if (opts.apiVersion) {
    // SplitAndParseResourceRequest, then the group/version of --api-version replaces the resource's.
    const gv = parseGroupVersion(opts.apiVersion);
    if (!gv) return fail(`unexpected GroupVersion string: ${opts.apiVersion}`);
    const gvr = `${gv.group}/${gv.version}, Resource=${res.plural}`;
    const served = RESOURCES.some((r) => r.group === gv.group && r.version === gv.version);
    if (!served) return fail(`couldn't find resource for "${gvr}"`);
    const target = RESOURCES.find(
      (r) => r.group === gv.group && r.version === gv.version && r.plural === res.plural,
    );
    if (!target) return fail(`GVR (${gvr}) not found in OpenAPI schema`);
    return renderExplain(target, target.definition, segments.slice(1), opts.recursive ?? false);
  }

  // SplitAndParseResourceRequestWithMatchingPrefix: `deployments.apps.spec` names the group.
  const groupResource = res.group ? `${res.plural}.${res.group}` : res.plural;
  const fields = input.startsWith(groupResource)
    ? input.slice(groupResource.length).split('.').slice(1)
    : segments.slice(1);
  return renderExplain(res, res.definition, fields, opts.recursive ?? false);
}
