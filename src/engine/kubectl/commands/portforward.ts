/**
 * `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE...` (k8s.io/kubectl/pkg/cmd/portforward): the
 * forwards are registered with the simulation (../portforward.ts) so `curl localhost:PORT` reaches
 * the pod. Run as a background job (`... &`), or left running when a headless run finds the
 * cluster idle, the forward stays until its pod goes away.
 */
import type { CommandRun } from '../../command';
import type { KObject } from '../../api/types';
import { CommandError, type Ctx, type KubectlCommand } from '../context';
import { addPortForward, removePortForwards } from '../portforward';
import { podFor } from './pods';

/** The kernel's ephemeral range (net.ipv4.ip_local_port_range), where `:REMOTE` gets its port. */
const EPHEMERAL_PORTS = { first: 32768, last: 60999 };

interface PortPair {
  local: number;
  remote: number;
}

/** portforward.go `checkUDPPorts`/`parsePorts` wording for a bad number. */
function parsePort(text: string, which: 'local' | 'remote'): number {
  if (!/^\d+$/.test(text) || Number(text) > 65535)
    throw new CommandError(
      `Error parsing ${which} port '${text}': strconv.ParseUint: parsing "${text}": ${/^\d+$/.test(text) ? 'value out of range' : 'invalid syntax'}`,
    );
  return Number(text);
}

/**
 * portforward.go `translateServicePortToTargetPort`: for `svc/x`, a service port becomes the
 * target port of the container it maps to (a named targetPort is looked up in the pod's ports).
 */
function translateServicePort(svc: KObject, pod: KObject, port: number): number {
  const sp = (svc.spec?.ports ?? []).find((p: { port: number }) => p.port === port);
  if (!sp)
    throw new CommandError(`Service ${svc.metadata.name} does not have a service port ${port}`);
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  for (const c of pod.spec?.containers ?? [])
    for (const cp of c.ports ?? []) if (cp.name === target) return cp.containerPort;
  throw new CommandError(`Pod '${pod.metadata.name}' does not have a named port '${target}'`);
}

function parsePairs(ctx: Ctx, specs: string[], svc: KObject | undefined, pod: KObject): PortPair[] {
  const rng = ctx.sim.rng('kubectl/port-forward');
  return specs.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new CommandError(`invalid port format '${spec}'`);
    const remoteText = parts.length === 2 ? parts[1] : parts[0];
    let remote = parsePort(remoteText, 'remote');
    if (svc) remote = translateServicePort(svc, pod, remote);
    const local =
      parts.length === 2 && parts[0] === ''
        ? EPHEMERAL_PORTS.first +
          Math.floor(rng.next() * (EPHEMERAL_PORTS.last - EPHEMERAL_PORTS.first + 1))
        : parsePort(parts[0], 'local');
    return { local, remote };
  });
}

function* portForward(ctx: Ctx): CommandRun {
  const [arg, ...ports] = ctx.args;
  if (!arg || ports.length === 0)
    throw new CommandError('TYPE/NAME and list of ports are required for port-forward');
  const pod = podFor(ctx, arg);
  const kind = arg.includes('/') ? arg.slice(0, arg.indexOf('/')).toLowerCase() : '';
  const svc = ['svc', 'service', 'services'].includes(kind)
    ? ctx.sim.store.get('Service', pod.metadata.namespace, arg.slice(arg.indexOf('/') + 1))
    : undefined;
  const pairs = parsePairs(ctx, ports, svc, pod);
  if (pod.status?.phase !== 'Running')
    throw new CommandError(
      `unable to forward port because pod is not running. Current status=${pod.status?.phase ?? 'Pending'}`,
    );
  const uid = pod.metadata.uid;
  for (const p of pairs) {
    ctx.io.out(
      `Forwarding from 127.0.0.1:${p.local} -> ${p.remote}\nForwarding from [::1]:${p.local} -> ${p.remote}\n`,
    );
    addPortForward(ctx.sim, p.local, {
      namespace: pod.metadata.namespace!,
      pod: pod.metadata.name,
      uid,
      port: p.remote,
    });
  }
  // A background job (`&`) keeps forwarding after the prompt returns, until its pod goes away.
  if (ctx.background) return 0;
  const alive = () => {
    const now = ctx.sim.store.get('Pod', pod.metadata.namespace, pod.metadata.name);
    return now?.metadata.uid === uid && now.status?.phase === 'Running';
  };
  let background = false;
  try {
    yield { until: () => !alive(), timeoutAt: Infinity, untilIdle: true };
    if (alive()) {
      background = true;
      return 0;
    }
    ctx.io.err('error: lost connection to pod\n');
    return 1;
  } finally {
    // Interrupted (Ctrl-C) or the pod went away: the forward ends with the command.
    if (!background)
      removePortForwards(
        ctx.sim,
        pairs.map((p) => p.local),
        uid,
      );
  }
}

export const portForwardCommand: KubectlCommand = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  usage:
    'kubectl port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  flags: { address: { type: 'strings' }, 'pod-running-timeout': { type: 'string' } },
  run: portForward,
};
