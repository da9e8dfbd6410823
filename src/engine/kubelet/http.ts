/**
 * What a container answers on a port: the HTTP side of the simulated images. Used by curl,
 * kube-proxy traffic, Ingress and httpGet/tcpSocket probes.
 */
import { MONTHS } from './host';
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import type { ContainerRt } from './state';
import { lookupImage } from './images/resolve';
import { containerHost, appendLog } from './host';
import { nginxErrorPage } from './images/content';
import type { ImageSpec } from './images/types';

export type HttpResult =
  | {
      kind: 'response';
      status: number;
      body: string;
      /** container that answered */ container: string;
    }
  /** Nothing listens on that port (or the container is not running): connection refused. */
  | { kind: 'refused' }
  /** The process accepted but did not answer in time. */
  | { kind: 'timeout' };

export interface HttpOptions {
  /** Only check that something listens (tcpSocket probes). */
  tcpOnly?: boolean;
  userAgent?: string;
  /** Client address for access logs. */
  clientIp?: string;
}

/** luksa/kubia-unhealthy answers 500 from its sixth request on (Kubernetes in Action, ch. 4). */
export const KUBIA_UNHEALTHY_AFTER = 5;

function kubeletOf(sim: Simulation, pod: KObject): Kubelet | undefined {
  return pod.spec?.nodeName ? sim.component<Kubelet>(`kubelet/${pod.spec.nodeName}`) : undefined;
}

/** The running container of the pod that listens on `port`, if any. */
export function listener(
  sim: Simulation,
  pod: KObject,
  port: number,
): { k: Kubelet; c: ContainerRt; image: ImageSpec } | undefined {
  const k = kubeletOf(sim, pod);
  const rt = k?.state.pods[pod.metadata.uid];
  if (!k || !rt || !k.state.up) return undefined;
  for (const c of Object.values(rt.containers)) {
    if (c.state !== 'running' || !c.serving || !c.imageKey) continue;
    const image = lookupImage(sim, c.imageKey);
    if (!image?.server) continue;
    const ports =
      image.server.http?.kind === 'agnhost' ? [...image.server.ports, 9376] : image.server.ports;
    if (!ports.includes(port)) continue;
    if (sim.now() < (c.startedAt ?? 0) + image.server.startMs) continue;
    return { k, c, image };
  }
  return undefined;
}

function respond(
  k: Kubelet,
  pod: KObject,
  c: ContainerRt,
  image: ImageSpec,
  path: string,
): { status: number; body: string } {
  const http = image.server?.http;
  const hostname = pod.spec?.hostname ?? pod.metadata.name;
  if (!http) return { status: 0, body: '' };
  if (http.kind === 'text') {
    if (image.ref.startsWith('luksa/kubia-unhealthy') && c.requests > KUBIA_UNHEALTHY_AFTER)
      return { status: 500, body: "I'm not well. Please restart me!" };
    return { status: http.status ?? 200, body: http.body.replace(/\{hostname\}/g, hostname) };
  }
  if (http.kind === 'agnhost') {
    const p = path.split('?')[0];
    if (p === '/hostname') return { status: 200, body: hostname };
    if (p === '/healthz') return { status: 200, body: 'ok' };
    if (p === '/echo')
      return { status: 200, body: decodeURIComponent(/msg=([^&]*)/.exec(path)?.[1] ?? '') };
    return {
      status: 200,
      body: `NOW: ${new Date(k.sim.now()).toISOString().replace('T', ' ').replace('Z', ' +0000 UTC')}`,
    };
  }
  // Static files from the container's filesystem (volumes mounted over the web root included).
  const rt = k.state.pods[pod.metadata.uid];
  const fs = containerHost(k, pod, rt, c).fs;
  let file = `${http.root}${path.split('?')[0]}`;
  if (fs.isDir(file)) file = `${file.replace(/\/$/, '')}/index.html`;
  const body = fs.read(file);
  if (body !== undefined) return { status: 200, body };
  const version = http.server.replace(/^nginx\//, '');
  if (http.server.startsWith('nginx'))
    return { status: 404, body: nginxErrorPage(404, 'Not Found', version) };
  return {
    status: 404,
    body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n',
  };
}

function accessLog(
  k: Kubelet,
  c: ContainerRt,
  image: ImageSpec,
  path: string,
  status: number,
  bytes: number,
  opts: HttpOptions,
): void {
  const now = k.sim.now();
  const d = new Date(now);
  const ts = `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
  const ua = opts.userAgent ?? 'curl/8.11.1';
  const ip = opts.clientIp ?? '10.244.0.1';
  if (image.server?.accessLog === 'nginx')
    appendLog(
      c,
      now,
      `${ip} - - [${ts}] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "${ua}" "-"`,
    );
  else if (image.ref.startsWith('luksa/kubia'))
    appendLog(c, now, `Received request from ::ffff:${ip}`);
}

export function podHttp(
  sim: Simulation,
  pod: KObject,
  port: number,
  path: string,
  opts: HttpOptions = {},
): HttpResult {
  const l = listener(sim, pod, port);
  if (!l) return { kind: 'refused' };
  if (opts.tcpOnly) return { kind: 'response', status: 0, body: '', container: l.c.name };
  if (!l.image.server?.http) return { kind: 'timeout' };
  l.c.requests++;
  const r = respond(l.k, pod, l.c, l.image, path || '/');
  accessLog(l.k, l.c, l.image, path || '/', r.status, r.body.length, opts);
  return { kind: 'response', status: r.status, body: r.body, container: l.c.name };
}
