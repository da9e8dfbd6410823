/** version, cluster-info, api-resources, api-versions, explain, config, events. */
import type { KObject } from '../../api/types';
import { explain } from '../../api/explain';
import { allResources } from '../../api/registry';
import { parseTime } from '../../clock';
import { CommandError, namespaceOf, type Ctx, type KubectlCommand } from '../context';
import { renderTable } from '../printers/table';
import { eventTarget, eventTimes } from '../printers/cluster';
import { toJson, toYaml } from '../printers/yaml';
import { findResource } from '../resources';

/** kubectl 1.35 ships kustomize v5.7.1. */
const KUSTOMIZE_VERSION = 'v5.7.1';
const CONTEXT = 'kubernetes-admin@kubernetes';
const API_SERVER = 'https://192.168.49.2:6443';

function version(ctx: Ctx): number {
  const v = ctx.sim.config.kubernetesVersion;
  if (ctx.flags.str('output') === 'json' || ctx.flags.str('output') === 'yaml') {
    const info = (ver: string) => ({
      major: '1',
      minor: ver.split('.')[1],
      gitVersion: ver,
      platform: 'linux/amd64',
    });
    const data = {
      clientVersion: info(v),
      kustomizeVersion: KUSTOMIZE_VERSION,
      ...(ctx.flags.bool('client') ? {} : { serverVersion: info(v) }),
    };
    ctx.io.out(ctx.flags.str('output') === 'json' ? toJson(data, 2) : toYaml(data));
    return 0;
  }
  ctx.io.out(`Client Version: ${v}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (!ctx.flags.bool('client')) ctx.io.out(`Server Version: ${v}\n`);
  return 0;
}

export const versionCommand: KubectlCommand = {
  name: 'version',
  short: 'Print the client and server version information',
  usage: 'kubectl version [flags] [options]',
  flags: { client: { type: 'bool' }, output: { type: 'string', short: 'o' } },
  run: version,
};

function clusterInfo(ctx: Ctx): number {
  if (ctx.args[0] === 'dump')
    throw new CommandError('kubectl cluster-info dump is not supported in Kubeplay');
  ctx.io.out(`Kubernetes control plane is running at ${API_SERVER}\n`);
  if (ctx.sim.store.get('Service', 'kube-system', 'kube-dns')) {
    ctx.io.out(
      `CoreDNS is running at ${API_SERVER}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n`,
    );
  }
  ctx.io.out(
    `\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
  );
  return 0;
}

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: {},
  run: clusterInfo,
};

function apiResources(ctx: Ctx): number {
  let list = [...allResources()];
  if (ctx.flags.has('namespaced'))
    list = list.filter((r) => r.namespaced === ctx.flags.bool('namespaced'));
  if (ctx.flags.str('api-group') || ctx.flags.has('api-group'))
    list = list.filter((r) => r.group === ctx.flags.str('api-group'));
  const out = ctx.flags.str('output');
  if (out === 'name') {
    ctx.io.out(list.map((r) => (r.group ? `${r.plural}.${r.group}` : r.plural) + '\n').join(''));
    return 0;
  }
  const wide = out === 'wide';
  const rows = list.map((r) => [
    r.plural,
    r.shortNames.join(','),
    r.apiVersion,
    String(r.namespaced),
    r.kind,
    ...(wide ? [`[${r.verbs.join(' ')}]`, r.categories.join(',')] : []),
  ]);
  const header = [
    'NAME',
    'SHORTNAMES',
    'APIVERSION',
    'NAMESPACED',
    'KIND',
    ...(wide ? ['VERBS', 'CATEGORIES'] : []),
  ];
  ctx.io.out(renderTable(ctx.flags.bool('no-headers') ? rows : [header, ...rows]));
  return 0;
}

export const apiResourcesCommand: KubectlCommand = {
  name: 'api-resources',
  short: 'Print the supported API resources on the server',
  usage: 'kubectl api-resources [flags] [options]',
  flags: {
    output: { type: 'string', short: 'o' },
    namespaced: { type: 'bool', default: true },
    'api-group': { type: 'string' },
    'no-headers': { type: 'bool' },
    verbs: { type: 'strings' },
    categories: { type: 'strings' },
    cached: { type: 'bool' },
    'sort-by': { type: 'string' },
  },
  run: apiResources,
};

function apiVersions(ctx: Ctx): number {
  const set = new Set(allResources().map((r) => r.apiVersion));
  ctx.io.out(
    [...set]
      .sort()
      .map((v) => v + '\n')
      .join(''),
  );
  return 0;
}

export const apiVersionsCommand: KubectlCommand = {
  name: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  usage: 'kubectl api-versions [flags] [options]',
  flags: {},
  run: apiVersions,
};

function explainCmd(ctx: Ctx): number {
  if (!ctx.args[0]) {
    throw new CommandError(
      `You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`,
    );
  }
  const r = explain(ctx.args[0], {
    recursive: ctx.flags.bool('recursive'),
    apiVersion: ctx.flags.str('api-version') || undefined,
  });
  if (r.ok) {
    ctx.io.out(r.text);
    return 0;
  }
  ctx.io.err(r.error.endsWith('\n') ? r.error : r.error + '\n');
  return 1;
}

export const explainCommand: KubectlCommand = {
  name: 'explain',
  short: 'Get documentation for a resource',
  usage:
    'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2] [options]',
  flags: {
    recursive: { type: 'bool' },
    'api-version': { type: 'string' },
    output: { type: 'string', short: 'o' },
  },
  run: explainCmd,
};

function kubeconfig(ns: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    clusters: [
      {
        cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: API_SERVER },
        name: 'kubernetes',
      },
    ],
    contexts: [
      {
        context: {
          cluster: 'kubernetes',
          ...(ns !== 'default' ? { namespace: ns } : {}),
          user: 'kubernetes-admin',
        },
        name: CONTEXT,
      },
    ],
    'current-context': CONTEXT,
    kind: 'Config',
    preferences: {},
    users: [
      {
        name: 'kubernetes-admin',
        user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' },
      },
    ],
  };
}

function config(ctx: Ctx): number {
  const sub = ctx.args[0];
  switch (sub) {
    case 'current-context':
      ctx.io.out(CONTEXT + '\n');
      return 0;
    case 'view':
      ctx.io.out(
        ctx.flags.str('output') === 'json'
          ? toJson(kubeconfig(ctx.session.namespace), 4)
          : toYaml(kubeconfig(ctx.session.namespace)),
      );
      return 0;
    case 'get-contexts':
      ctx.io.out(
        renderTable([
          ['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE'],
          [
            '*',
            CONTEXT,
            'kubernetes',
            'kubernetes-admin',
            ctx.session.namespace === 'default' ? '' : ctx.session.namespace,
          ],
        ]),
      );
      return 0;
    case 'get-clusters':
      ctx.io.out('NAME\nkubernetes\n');
      return 0;
    case 'use-context':
      if (ctx.args[1] !== CONTEXT)
        throw new CommandError(`no context exists with the name: "${ctx.args[1] ?? ''}"`);
      ctx.io.out(`Switched to context "${CONTEXT}".\n`);
      return 0;
    case 'set-context': {
      const name = ctx.flags.bool('current') ? CONTEXT : ctx.args[1];
      if (name !== CONTEXT)
        throw new CommandError(
          `kubectl config set-context for other contexts is not supported in Kubeplay (use --current)`,
        );
      if (ctx.flags.has('namespace'))
        ctx.session.namespace = ctx.flags.str('namespace') || 'default';
      ctx.io.out(`Context "${CONTEXT}" modified.\n`);
      return 0;
    }
  }
  throw new CommandError(
    `kubectl config ${sub ?? ''} is not supported in Kubeplay (supported: view, current-context, get-contexts, use-context, set-context --current --namespace=NS)`,
  );
}

export const configCommand: KubectlCommand = {
  name: 'config',
  short: 'Modify kubeconfig files',
  usage: 'kubectl config SUBCOMMAND [options]',
  flags: {
    current: { type: 'bool' },
    output: { type: 'string', short: 'o' },
    minify: { type: 'bool' },
    raw: { type: 'bool' },
  },
  run: config,
};

/** `kubectl events`: LAST SEEN TYPE REASON OBJECT MESSAGE, oldest first (k8s.io/kubectl/pkg/cmd/events). */
function eventsCmd(ctx: Ctx): number {
  const allNs = ctx.flags.bool('all-namespaces');
  let evs = ctx.sim.store.list('Event', { namespace: allNs ? undefined : namespaceOf(ctx) });
  const forArg = ctx.flags.str('for');
  if (forArg) {
    const [type, name] = forArg.includes('/') ? forArg.split('/') : ['', forArg];
    const info = type ? findResource(type) : undefined;
    if (type && !info) throw new CommandError(`the server doesn't have a resource type "${type}"`);
    evs = evs.filter(
      (e) => e.involvedObject?.name === name && (!info || e.involvedObject?.kind === info.kind),
    );
  }
  const types = ctx.flags.strs('types').flatMap((t) => t.split(','));
  for (const t of types)
    if (t !== 'Normal' && t !== 'Warning')
      throw new CommandError(`valid --types are Normal or Warning`);
  if (types.length) evs = evs.filter((e) => types.includes(e.type));
  evs.sort(
    (a, b) =>
      (parseTime(a.lastTimestamp ?? a.eventTime) ?? 0) -
      (parseTime(b.lastTimestamp ?? b.eventTime) ?? 0),
  );
  if (evs.length === 0) {
    ctx.io.err(
      allNs ? 'No events found.\n' : `No events found in ${namespaceOf(ctx)} namespace.\n`,
    );
    return 0;
  }
  const now = ctx.sim.now();
  const rows = evs.map((e) => {
    const t = eventTimes(e, now);
    const last = t.count > 1 ? `${t.last} (x${t.count} over ${t.first})` : t.last;
    return [
      ...(allNs ? [e.metadata.namespace!] : []),
      last,
      e.type ?? '',
      e.reason ?? '',
      eventTarget(e).replace(/^([a-z]+)/, (k) => kindForEvent(e, k)),
      String(e.message ?? '').trim(),
    ];
  });
  ctx.io.out(
    renderTable([
      [...(allNs ? ['NAMESPACE'] : []), 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
      ...rows,
    ]),
  );
  return 0;
}

/** `kubectl events` names objects `Kind/name` (e.g. `Pod/web-1`), unlike `get events`. */
function kindForEvent(e: KObject, fallback: string): string {
  return e.involvedObject?.kind ?? fallback;
}

export const eventsCommand: KubectlCommand = {
  name: 'events',
  short: 'List events',
  usage:
    'kubectl events [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file] [--for TYPE/NAME] [--watch] [--types=Normal,Warning] [options]',
  flags: {
    'all-namespaces': { type: 'bool', short: 'A' },
    for: { type: 'string' },
    types: { type: 'strings' },
    watch: { type: 'bool', short: 'w' },
    output: { type: 'string', short: 'o' },
    'no-headers': { type: 'bool' },
  },
  run: eventsCmd,
};
