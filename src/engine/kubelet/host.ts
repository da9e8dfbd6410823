/** The world a container's process sees: its filesystem with volumes, hostname, clock, and its log. */
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import type { ContainerRt, PodRt } from './state';
import { ContainerFs } from './container-fs';
import { containerMounts } from './volumes';
import type { Io, ShellHost } from './shell/vm';
import { MAX_LOG_LINES } from './constants';
import { podNet } from './podnet';

export function containerHost(k: Kubelet, pod: KObject, rt: PodRt, c: ContainerRt): ShellHost {
  const spec = k.containerSpec(pod, c) ?? {};
  const net = podNet(k.sim, pod, rt?.ip);
  return {
    fs: new ContainerFs(c.fs, containerMounts(k.sim, pod, rt, spec), spec.workingDir ?? '/'),
    hostname: pod.spec?.hostname ?? pod.metadata.name,
    now: () => k.sim.now(),
    http: (url) => net.http(url),
    lookup: (name) => net.lookup(name),
  };
}

/** Appends output to the container's log, one entry per line. */
export function appendLog(c: ContainerRt, now: number, text: string): void {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) c.logs.push({ t: now, line });
  if (c.logs.length > MAX_LOG_LINES) c.logs.splice(0, c.logs.length - MAX_LOG_LINES);
}

export function logIo(k: Kubelet, c: ContainerRt): Io {
  return {
    stdin: '',
    out: (s) => appendLog(c, k.sim.now(), s),
    err: (s) => appendLog(c, k.sim.now(), s),
  };
}

/** Expands `{ts}`-style placeholders in an image's log template. */
/** English month abbreviations, as C locales print them in log timestamps. */
export const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

export function renderLogLine(line: string, now: number, pod: KObject, ip: string): string {
  const iso = new Date(now).toISOString();
  const nginxTs = iso.slice(0, 19).replace('T', ' ').replace(/-/g, '/');
  const d = new Date(now);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const httpdTs = `${days[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ${iso.slice(11, 23)}000 ${d.getUTCFullYear()}`;
  const redisTs = `${String(d.getUTCDate()).padStart(2, '0')} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${iso.slice(11, 23)}`;
  return line
    .replace(/\{ts\}/g, nginxTs)
    .replace(/\{httpdts\}/g, httpdTs)
    .replace(/\{redists\}/g, redisTs)
    .replace(/\{ip\}/g, ip)
    .replace(/\{hostname\}/g, pod.metadata.name);
}
