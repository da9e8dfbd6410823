/**
 * The scenario format: a multi-document YAML file whose first document is a `kubeplay/v1`
 * `Scenario` header (title, cluster shape, seed, steps) followed by ordinary Kubernetes manifests.
 * A file without a header is a plain set of manifests on the default cluster.
 * See docs/scenario-format.md and schema.json.
 */
import { LineCounter, parseAllDocuments } from 'yaml';
import {
  controlPlaneNode,
  defaultClusterConfig,
  DEFAULT_MAX_PODS,
  type ClusterConfig,
  type NodeConfig,
  type ProxyMode,
  type ScenarioImage,
} from '../engine/config';
import { parseDuration } from '../engine/clock';
import { isQuantity } from '../engine/cluster/quantity';

export interface Localized {
  en: string;
  ko?: string;
}

export interface ScenarioStep {
  /** One or more lines of the script grammar (kubectl, curl, sleep, kubeplay, expect). */
  run: string;
  /** Simulated time after the start (ms) at which the step runs; otherwise right after the previous one. */
  at?: number;
  note?: Localized;
  /** 1-based line of the step in the scenario text. */
  line: number;
}

export interface Scenario {
  name: string;
  title: Localized;
  description?: Localized;
  config: ClusterConfig;
  /** Playback speed the app starts with. */
  speed: number;
  /** The manifests after the header, as YAML text (applied at the start). */
  manifests: string;
  /** Line in the original text where the manifests begin (1-based), for error positions. */
  manifestsLine: number;
  steps: ScenarioStep[];
  /** Whether the text had a Scenario header. */
  hasHeader: boolean;
}

export interface ScenarioError {
  line: number;
  column?: number;
  message: string;
}

export type ParseResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Bounds on what a scenario may ask for, so a shared link cannot hang a browser tab. */
export const MAX_SCENARIO_NODES = 50;
export const MAX_SCENARIO_STEPS = 500;
export const MAX_SCENARIO_SPEED = 50;
export const MIN_SCENARIO_SPEED = 0.25;

const HEADER_KEYS = new Set([
  'apiVersion',
  'kind',
  'metadata',
  'title',
  'description',
  'seed',
  'startTime',
  'speed',
  'cluster',
  'images',
  'steps',
]);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseScenario(text: string): ParseResult {
  const lc = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter: lc });
  const first = Array.isArray(docs) ? docs[0] : undefined;
  const errors: ScenarioError[] = [];
  const firstValue = first && first.errors.length === 0 ? (first.toJS() as unknown) : undefined;
  const hasHeader = isObj(firstValue) && firstValue.kind === 'Scenario';
  if (
    first &&
    first.errors.length > 0 &&
    /kind:\s*Scenario/.test(text.slice(first.range[0], first.range[2]))
  ) {
    const e = first.errors[0];
    return {
      ok: false,
      errors: [
        {
          line: e.linePos?.[0].line ?? 1,
          column: e.linePos?.[0].col,
          message: firstLine(e.message),
        },
      ],
    };
  }
  if (!hasHeader) {
    return {
      ok: true,
      scenario: {
        name: 'manifests',
        title: { en: 'Untitled', ko: '제목 없음' },
        config: defaultClusterConfig(),
        speed: 1,
        manifests: text,
        manifestsLine: 1,
        steps: [],
        hasHeader: false,
      },
    };
  }
  const h = firstValue as Obj;
  const lineOf = (path: (string | number)[]): number => {
    const node = first!.getIn(path, true) as { range?: [number, number, number] } | undefined;
    return node?.range ? lc.linePos(node.range[0]).line : lc.linePos(first!.range[0]).line;
  };
  const err = (path: (string | number)[], message: string) =>
    errors.push({ line: lineOf(path), message: `${path.join('.')}: ${message}` });

  if (h.apiVersion !== 'kubeplay/v1')
    err(['apiVersion'], `must be "kubeplay/v1" (got ${JSON.stringify(h.apiVersion ?? null)})`);
  for (const k of Object.keys(h)) if (!HEADER_KEYS.has(k)) err([k], `unknown field "${k}"`);

  const title = (h.title === undefined ? undefined : localized(h.title, ['title'], err)) ?? {
    en: String((isObj(h.metadata) && h.metadata.name) || 'Untitled'),
  };
  const description =
    h.description === undefined ? undefined : localized(h.description, ['description'], err);
  const name =
    isObj(h.metadata) && typeof h.metadata.name === 'string' ? h.metadata.name : slug(title.en);

  const config = defaultClusterConfig();
  if (h.seed !== undefined) {
    if (
      typeof h.seed === 'number' &&
      Number.isInteger(h.seed) &&
      h.seed >= 0 &&
      h.seed <= 0xffffffff
    )
      config.seed = h.seed;
    else err(['seed'], 'must be an integer between 0 and 4294967295');
  }
  if (h.startTime !== undefined) {
    const t =
      h.startTime instanceof Date
        ? h.startTime.getTime()
        : typeof h.startTime === 'string'
          ? Date.parse(h.startTime)
          : NaN;
    if (Number.isNaN(t))
      err(['startTime'], 'must be an RFC 3339 time such as 2026-01-05T09:00:00Z');
    else config.startTime = t;
  }
  let speed = 1;
  if (h.speed !== undefined) {
    if (
      typeof h.speed === 'number' &&
      h.speed >= MIN_SCENARIO_SPEED &&
      h.speed <= MAX_SCENARIO_SPEED
    )
      speed = h.speed;
    else err(['speed'], `must be a number from ${MIN_SCENARIO_SPEED} to ${MAX_SCENARIO_SPEED}`);
  }
  if (h.cluster !== undefined) parseCluster(h.cluster, config, err);
  if (h.images !== undefined) config.images = parseImages(h.images, err);
  const steps = h.steps === undefined ? [] : parseSteps(h.steps, err, lineOf);

  if (errors.length > 0) return { ok: false, errors };
  // Manifests start with the second document (its range includes the `---` line, which keeps
  // line numbers in apply errors pointing at the scenario text).
  const second = docs.length > 1 ? docs[1] : undefined;
  const rest = second ? text.slice(second.range[0]) : '';
  const manifestsLine = second ? lc.linePos(second.range[0]).line : lc.linePos(text.length).line;
  return {
    ok: true,
    scenario: {
      name,
      title,
      description,
      config,
      speed,
      manifests: rest,
      manifestsLine,
      steps,
      hasHeader: true,
    },
  };
}

function firstLine(s: string): string {
  return s.split('\n')[0];
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'scenario'
  );
}

function localized(
  v: unknown,
  path: string[],
  err: (p: (string | number)[], m: string) => void,
): Localized | undefined {
  if (typeof v === 'string') return { en: v };
  if (isObj(v) && typeof v.en === 'string' && (v.ko === undefined || typeof v.ko === 'string')) {
    return { en: v.en, ...(typeof v.ko === 'string' ? { ko: v.ko } : {}) };
  }
  err(path, 'must be a string or {en: string, ko?: string}');
  return undefined;
}

const PROXY_MODES: Record<string, ProxyMode> = {
  rr: 'rr',
  ipvs: 'rr',
  random: 'random',
  iptables: 'random',
  nftables: 'random',
};

function parseCluster(
  v: unknown,
  config: ClusterConfig,
  err: (p: (string | number)[], m: string) => void,
): void {
  if (!isObj(v)) return void err(['cluster'], 'must be a mapping');
  const known = new Set([
    'nodes',
    'workers',
    'proxyMode',
    'defaultTolerationSeconds',
    'nodeMonitorGracePeriodSeconds',
    'addons',
    'kubernetesVersion',
  ]);
  for (const k of Object.keys(v)) if (!known.has(k)) err(['cluster', k], `unknown field "${k}"`);
  if (v.kubernetesVersion !== undefined) {
    if (typeof v.kubernetesVersion === 'string' && /^v1\.\d+\.\d+$/.test(v.kubernetesVersion))
      config.kubernetesVersion = v.kubernetesVersion;
    else err(['cluster', 'kubernetesVersion'], 'must look like v1.35.0');
  }
  if (v.proxyMode !== undefined) {
    const m = typeof v.proxyMode === 'string' ? PROXY_MODES[v.proxyMode] : undefined;
    if (m) config.proxyMode = m;
    else err(['cluster', 'proxyMode'], 'must be one of rr, ipvs, random, iptables, nftables');
  }
  for (const key of ['defaultTolerationSeconds', 'nodeMonitorGracePeriodSeconds'] as const) {
    if (v[key] === undefined) continue;
    const n = v[key];
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 86400) config[key] = n;
    else err(['cluster', key], 'must be an integer number of seconds (0-86400)');
  }
  if (v.addons !== undefined) {
    if (typeof v.addons === 'boolean') config.addons = v.addons;
    else err(['cluster', 'addons'], 'must be true or false');
  }
  if (v.workers !== undefined && v.nodes !== undefined)
    err(['cluster', 'workers'], 'use either workers or nodes, not both');
  if (v.workers !== undefined) {
    const n = v.workers;
    if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && n < MAX_SCENARIO_NODES) {
      config.nodes = [
        controlPlaneNode(),
        ...Array.from({ length: n }, (_, i) => worker(`node-${i + 1}`)),
      ];
    } else err(['cluster', 'workers'], `must be an integer from 0 to ${MAX_SCENARIO_NODES - 1}`);
  }
  if (v.nodes !== undefined) {
    if (!Array.isArray(v.nodes) || v.nodes.length === 0 || v.nodes.length > MAX_SCENARIO_NODES) {
      return void err(['cluster', 'nodes'], `must be a list of 1 to ${MAX_SCENARIO_NODES} nodes`);
    }
    const seen = new Set<string>();
    config.nodes = v.nodes.map((n, i) => parseNode(n, i, seen, err));
  }
}

function worker(name: string): NodeConfig {
  return {
    name,
    cpu: '4',
    memory: '8Gi',
    pods: DEFAULT_MAX_PODS,
    labels: {},
    taints: [],
    controlPlane: false,
  };
}

const NODE_NAME_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function parseNode(
  n: unknown,
  i: number,
  seen: Set<string>,
  err: (p: (string | number)[], m: string) => void,
): NodeConfig {
  const p = ['cluster', 'nodes', i];
  if (!isObj(n)) {
    err(p, 'must be a mapping with at least a name');
    return worker(`node-${i}`);
  }
  const known = new Set(['name', 'role', 'cpu', 'memory', 'pods', 'labels', 'taints']);
  for (const k of Object.keys(n)) if (!known.has(k)) err([...p, k], `unknown field "${k}"`);
  const name = typeof n.name === 'string' ? n.name : '';
  if (!NODE_NAME_RE.test(name) || name.length > 253)
    err(
      [...p, 'name'],
      `must be a lowercase RFC 1123 name (got ${JSON.stringify(n.name ?? null)})`,
    );
  if (seen.has(name)) err([...p, 'name'], `duplicate node name "${name}"`);
  seen.add(name);
  const cp = n.role === 'control-plane';
  if (n.role !== undefined && n.role !== 'control-plane' && n.role !== 'worker')
    err([...p, 'role'], 'must be control-plane or worker');
  const base = cp ? controlPlaneNode(name) : worker(name);
  if (n.cpu !== undefined) {
    const c = String(n.cpu);
    if (isQuantity(c)) base.cpu = c;
    else
      err(
        [...p, 'cpu'],
        `must be a CPU quantity such as 4 or 3500m (got ${JSON.stringify(n.cpu)})`,
      );
  }
  if (n.memory !== undefined) {
    const m = String(n.memory);
    if (isQuantity(m) && /[KMGTPE]i?$/.test(m)) base.memory = m;
    else
      err(
        [...p, 'memory'],
        `must be a memory quantity such as 8Gi (got ${JSON.stringify(n.memory)})`,
      );
  }
  if (n.pods !== undefined) {
    if (typeof n.pods === 'number' && Number.isInteger(n.pods) && n.pods > 0 && n.pods <= 1000)
      base.pods = n.pods;
    else err([...p, 'pods'], 'must be an integer from 1 to 1000');
  }
  if (n.labels !== undefined) {
    if (isObj(n.labels) && Object.values(n.labels).every((x) => typeof x === 'string')) {
      base.labels = { ...base.labels, ...(n.labels as Record<string, string>) };
    } else err([...p, 'labels'], 'must map label keys to string values');
  }
  if (n.taints !== undefined) {
    const ok =
      Array.isArray(n.taints) &&
      n.taints.every(
        (t) =>
          isObj(t) &&
          typeof t.key === 'string' &&
          ['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(String(t.effect)),
      );
    if (ok)
      base.taints = (n.taints as Obj[]).map((t) => ({
        key: String(t.key),
        effect: String(t.effect),
        ...(t.value !== undefined ? { value: String(t.value) } : {}),
      }));
    else
      err(
        [...p, 'taints'],
        'must be a list of {key, value?, effect: NoSchedule|PreferNoSchedule|NoExecute}',
      );
  }
  return base;
}

function parseImages(
  v: unknown,
  err: (p: (string | number)[], m: string) => void,
): ScenarioImage[] {
  if (!Array.isArray(v)) {
    err(['images'], 'must be a list of images');
    return [];
  }
  const out: ScenarioImage[] = [];
  v.forEach((img, i) => {
    if (
      !isObj(img) ||
      typeof img.name !== 'string' ||
      !/^[a-z0-9][a-z0-9._\-/:@]*$/.test(img.name)
    ) {
      err(['images', i], 'each image needs a name such as example/app:1.0');
      return;
    }
    out.push(img as unknown as ScenarioImage);
  });
  return out;
}

function parseSteps(
  v: unknown,
  err: (p: (string | number)[], m: string) => void,
  lineOf: (p: (string | number)[]) => number,
): ScenarioStep[] {
  if (!Array.isArray(v)) {
    err(['steps'], 'must be a list of steps');
    return [];
  }
  if (v.length > MAX_SCENARIO_STEPS) err(['steps'], `at most ${MAX_SCENARIO_STEPS} steps`);
  const out: ScenarioStep[] = [];
  v.forEach((s, i) => {
    const step: Obj = typeof s === 'string' ? { run: s } : isObj(s) ? s : {};
    if (typeof step.run !== 'string' || !step.run.trim())
      return void err(['steps', i], 'needs `run`: a command line such as "kubectl get pods"');
    for (const k of Object.keys(step))
      if (!['run', 'at', 'note'].includes(k)) err(['steps', i, k], `unknown field "${k}"`);
    let at: number | undefined;
    if (step.at !== undefined) {
      at =
        typeof step.at === 'number'
          ? step.at * 1000
          : typeof step.at === 'string'
            ? parseDuration(step.at)
            : undefined;
      if (at === undefined || at < 0)
        err(['steps', i, 'at'], 'must be a duration such as 30s or 2m');
    }
    const note =
      step.note === undefined ? undefined : localized(step.note, ['steps', String(i), 'note'], err);
    out.push({
      run: step.run,
      ...(at !== undefined ? { at } : {}),
      ...(note ? { note } : {}),
      line: lineOf(['steps', i]),
    });
  });
  return out;
}
