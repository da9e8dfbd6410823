/**
 * `curl URL` from a script or terminal: a request into the cluster network, printed as curl 8
 * prints it (body on stdout; `-i` headers; `-v` trace on stderr; errors `curl: (N) ...`).
 */
import type { Simulation } from '../sim';
import type { Io } from '../command';
import {
  clientFor,
  sendRequest,
  OUTSIDE,
  OS_CONNECT_TIMEOUT_MS,
  NO_ANSWER_LIMIT_MS,
  type Client,
  type Outcome,
} from './network';
import { isIPv4 } from './dns';
import { ingressHosts } from './ingress';
import { serviceTable } from './kube-proxy';
import { httpDate, statusText } from './http-text';
import { portForwardTarget } from '../kubectl/portforward';

export interface CurlOptions {
  /** `outside`, a pod name to send from, or undefined: outside for node/LoadBalancer addresses and Ingress hosts, else a debug pod. */
  from?: string;
  namespace?: string;
}

/** The curl the simulated debug image ships (curlimages/curl). */
export const CURL_VERSION = '8.11.1';

interface Parsed {
  url?: string;
  silent: boolean;
  showError: boolean;
  include: boolean;
  head: boolean;
  verbose: boolean;
  fail: boolean;
  maxTimeMs?: number;
  headers: [string, string][];
  output?: string;
  writeOut?: string;
  method: string;
}

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function parseArgs(args: string[]): Parsed | { error: string } {
  const p: Parsed = {
    silent: false,
    showError: false,
    include: false,
    head: false,
    verbose: false,
    fail: false,
    headers: [],
    method: 'GET',
  };
  const value = (i: number, opt: string) =>
    i + 1 < args.length
      ? args[i + 1]
      : { error: `curl: option ${opt}: requires parameter\n${TRY_HELP}` };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('-') || a === '-') {
      p.url = a;
      continue;
    }
    // Combined short flags: -sS, -si, -sv.
    if (/^-[sSivIfLk]{2,}$/.test(a)) {
      for (const ch of a.slice(1)) applyFlag(p, `-${ch}`);
      continue;
    }
    if (applyFlag(p, a)) continue;
    if (
      [
        '-m',
        '--max-time',
        '--connect-timeout',
        '-H',
        '--header',
        '-o',
        '--output',
        '-w',
        '--write-out',
        '-X',
        '--request',
      ].includes(a)
    ) {
      const v = value(i, a);
      if (typeof v !== 'string') return v;
      i++;
      if (a === '-m' || a === '--max-time' || a === '--connect-timeout') {
        const n = Number(v);
        if (!Number.isFinite(n) || n < 0)
          return { error: `curl: option ${a}: expected a proper numerical parameter\n${TRY_HELP}` };
        p.maxTimeMs = Math.round(n * 1000);
      } else if (a === '-H' || a === '--header') {
        const c = v.indexOf(':');
        if (c > 0) p.headers.push([v.slice(0, c).trim(), v.slice(c + 1).trim()]);
      } else if (a === '-o' || a === '--output') p.output = v;
      else if (a === '-w' || a === '--write-out') p.writeOut = v;
      else p.method = v;
      continue;
    }
    return { error: `curl: option ${a}: is unknown\n${TRY_HELP}` };
  }
  return p;
}

function applyFlag(p: Parsed, a: string): boolean {
  switch (a) {
    case '-s':
    case '--silent':
      p.silent = true;
      return true;
    case '-S':
    case '--show-error':
      p.showError = true;
      return true;
    case '-i':
    case '--include':
      p.include = true;
      return true;
    case '-I':
    case '--head':
      p.head = true;
      p.method = 'HEAD';
      return true;
    case '-v':
    case '--verbose':
      p.verbose = true;
      return true;
    case '-f':
    case '--fail':
      p.fail = true;
      return true;
    case '-L':
    case '--location':
    case '-k':
    case '--insecure':
      return true;
  }
  return false;
}

export interface ParsedUrl {
  scheme: string;
  host: string;
  port: number;
  path: string;
}

export function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:([a-z]+):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(url);
  if (!m) return undefined;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  return { scheme, host: m[2], port, path: m[4] || '/' };
}

/** Outside for node and load-balancer addresses and Ingress hosts; otherwise the in-cluster debug pod. */
function autoFrom(sim: Simulation, host: string): string | undefined {
  if (ingressHosts(sim)[host.toLowerCase()]) return OUTSIDE;
  if (!isIPv4(host)) return undefined;
  const t = serviceTable(sim);
  if (t.nodeIPs[host]) return OUTSIDE;
  if (t.ports.some((p) => p.loadBalancerIPs.includes(host) || p.externalIPs.includes(host)))
    return OUTSIDE;
  return undefined;
}

/**
 * What curl sees through a port-forward: the local end is 127.0.0.1, and kubectl accepts the
 * connection before dialling the pod, so a closed container port is an empty reply, not a refusal.
 */
function viaForward(o: Outcome): Outcome {
  if (o.kind === 'refused')
    return { kind: 'empty', ip: '127.0.0.1', latencyMs: o.latencyMs, hop: o.hop };
  return o.kind === 'unresolved' ? o : { ...o, ip: '127.0.0.1' };
}

const isLoopback = (host: string) => host.toLowerCase() === 'localhost' || host === '127.0.0.1';

function writeOut(fmt: string, o: Outcome): string {
  const code = o.kind === 'response' ? String(o.status).padStart(3, '0') : '000';
  const ip = o.kind === 'unresolved' ? '' : o.ip;
  return fmt
    .replace(/%\{http_code\}|%\{response_code\}/g, code)
    .replace(/%\{remote_ip\}/g, ip)
    .replace(/\\n/g, '\n')
    .replace(/\\t/g, '\t');
}

/** `args` are the words after `curl` (a leading `curl` is accepted too). */
export function curl(sim: Simulation, args: string[], io: Io, opts: CurlOptions = {}): number {
  const p = parseArgs(args[0] === 'curl' ? args.slice(1) : args);
  if ('error' in p) {
    io.err(p.error);
    return 2;
  }
  if (!p.url) {
    io.err(`curl: no URL specified\n${TRY_HELP}`);
    return 2;
  }
  const url = parseUrl(p.url);
  if (!url || !['http', 'https'].includes(url.scheme)) {
    io.err(`curl: (1) Protocol "${url?.scheme ?? ''}" not supported\n`);
    return 1;
  }
  // `kubectl port-forward` listens on localhost: the request enters the pod's own network.
  const forward = isLoopback(url.host) ? portForwardTarget(sim, url.port) : undefined;
  const forwardIp = forward
    ? sim.store.get('Pod', forward.namespace, forward.pod)?.status?.podIP
    : undefined;
  const namespace = forward?.namespace ?? opts.namespace ?? 'default';
  const cr = clientFor(sim, forward?.pod ?? opts.from ?? autoFrom(sim, url.host), namespace);
  if (!cr.ok) {
    io.err(`${cr.message}\n`);
    return 1;
  }
  const client: Client = cr.client;
  const hostHeader = p.headers.find(([k]) => k.toLowerCase() === 'host')?.[1];
  const sent = sendRequest(sim, client, {
    host: forwardIp ?? url.host,
    port: forward?.port ?? url.port,
    path: url.path,
    hostHeader,
    maxTimeMs: p.maxTimeMs,
    source: 'curl',
  });
  const out = forward ? viaForward(sent) : sent;
  const fail = (code: number, msg: string) => {
    if (!p.silent || p.showError) io.err(`curl: (${code}) ${msg}\n`);
    if (p.writeOut) io.out(writeOut(p.writeOut, out));
    return code;
  };
  const v = (line: string) => p.verbose && io.err(`${line}\n`);
  if (out.kind === 'unresolved') {
    v(`* Could not resolve host: ${url.host}`);
    return fail(6, `Could not resolve host: ${url.host}`);
  }
  v(`*   Trying ${out.ip}:${url.port}...`);
  if (out.kind === 'refused')
    return fail(
      7,
      `Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server`,
    );
  if (out.kind === 'timeout') {
    if (out.phase === 'response')
      return fail(
        28,
        `Operation timed out after ${(p.maxTimeMs ?? NO_ANSWER_LIMIT_MS) + 1} milliseconds with 0 bytes received`,
      );
    if (p.maxTimeMs !== undefined)
      return fail(28, `Connection timed out after ${p.maxTimeMs + 1} milliseconds`);
    return fail(
      28,
      `Failed to connect to ${url.host} port ${url.port} after ${OS_CONNECT_TIMEOUT_MS} ms: Couldn't connect to server`,
    );
  }
  v(`* Connected to ${url.host} (${out.ip}) port ${url.port}`);
  const reqHeaders: [string, string][] = [
    ['Host', hostHeader ?? (url.port === 80 ? url.host : `${url.host}:${url.port}`)],
    ['User-Agent', `curl/${CURL_VERSION}`],
    ['Accept', '*/*'],
  ];
  for (const [k, val] of p.headers) if (k.toLowerCase() !== 'host') reqHeaders.push([k, val]);
  v(`> ${p.method} ${url.path} HTTP/1.1`);
  for (const [k, val] of reqHeaders) v(`> ${k}: ${val}`);
  v('>');
  if (out.kind === 'empty') {
    v('* Empty reply from server');
    return fail(52, 'Empty reply from server');
  }
  const headers = responseHeaders(out, sim.now());
  const statusLine = `HTTP/1.1 ${out.status} ${statusText(out.status)}`.trimEnd();
  v(`< ${statusLine}`);
  for (const [k, val] of headers) v(`< ${k}: ${val}`);
  v('<');
  if (p.fail && out.status >= 400)
    return fail(22, `The requested URL returned error: ${out.status}`);
  let text = '';
  if (p.include || p.head)
    text += `${statusLine}\n${headers.map(([k, val]) => `${k}: ${val}\n`).join('')}\n`;
  if (!p.head) text += out.body;
  if (p.output !== '/dev/null') io.out(text);
  v(`* Connection #0 to host ${url.host} left intact`);
  if (p.writeOut) io.out(writeOut(p.writeOut, out));
  return 0;
}

function responseHeaders(
  out: Extract<Outcome, { kind: 'response' }>,
  now: number,
): [string, string][] {
  const h: [string, string][] = [...out.headers];
  const has = (k: string) => h.some(([x]) => x.toLowerCase() === k.toLowerCase());
  const insertAt = has('Server') ? 1 : 0;
  if (!has('Date')) h.splice(insertAt, 0, ['Date', httpDate(now)]);
  if (!has('Content-Type'))
    h.push([
      'Content-Type',
      out.body.trimStart().startsWith('<') ? 'text/html' : 'text/plain; charset=utf-8',
    ]);
  if (!has('Content-Length')) h.push(['Content-Length', String(utf8Length(out.body))]);
  if (!has('Connection')) h.push(['Connection', 'keep-alive']);
  return h;
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
