/** `kubectl exec` and `kubectl logs` against the simulated containers. */
import type { Simulation } from '../sim';
import type { KObject } from '../api/types';
import type { Kubelet } from './kubelet';
import type { ContainerRt, LogLine } from './state';
import { containerHost } from './host';
import { runToCompletion } from './shell/vm';
import { isBuiltin } from './shell/builtins';
import { lookupImage } from './images/resolve';
import { rfc3339Micro } from '../clock';

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

function kubeletFor(sim: Simulation, pod: KObject): Kubelet | undefined {
  return pod.spec?.nodeName ? sim.component<Kubelet>(`kubelet/${pod.spec.nodeName}`) : undefined;
}

export function execInContainer(
  sim: Simulation,
  pod: KObject,
  container: string,
  argv: string[],
): ExecResult {
  const k = kubeletFor(sim, pod);
  const rt = k?.state.pods[pod.metadata.uid];
  const c = rt?.containers[container];
  if (!k || !rt || !c || c.state !== 'running' || !k.state.up) {
    return {
      stdout: '',
      stderr: `error: unable to upgrade connection: container not found ("${container}")\n`,
      exitCode: 1,
    };
  }
  const image = c.imageKey ? lookupImage(sim, c.imageKey) : undefined;
  const bin = (argv[0] ?? '').replace(/^.*\//, '');
  const isShell = bin === 'sh' || bin === 'bash' || bin === 'ash';
  if (!image?.shell && (isShell || isBuiltin(bin))) {
    return {
      stdout: '',
      stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`,
      exitCode: 1,
    };
  }
  if (!isShell && !isBuiltin(bin)) {
    return {
      stdout: '',
      stderr: `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown\n`,
      exitCode: 1,
    };
  }
  const script = isShell
    ? argv[1] === '-c'
      ? (argv[2] ?? '')
      : ''
    : argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return runToCompletion(script, c.env, containerHost(k, pod, rt, c));
}

export interface LogOptions {
  previous?: boolean;
  tail?: number;
  timestamps?: boolean;
  sinceSeconds?: number;
}

/**
 * Which instance's lines a logs request reads, as kubelet validateContainerLogStatus picks the
 * container ID: `previous` needs lastState.terminated (the crashed instance, whose lines are
 * still `logs` while the replacement is not created yet); otherwise the running or terminated
 * instance, or the last terminated one while waiting in CrashLoopBackOff.
 */
function logsOf(c: ContainerRt, previous: boolean): LogLine[] | undefined {
  const last = c.lastTerminated?.containerID;
  if (previous) {
    if (!last) return undefined;
    return last === c.containerID ? c.logs : c.prevLogs;
  }
  if (c.state !== 'waiting') return c.containerID ? c.logs : undefined;
  if (!last) return undefined;
  return last === c.containerID ? c.logs : c.prevLogs;
}

/** Log lines of a container (current or previous instance); undefined if there is none. */
export function containerLogs(
  sim: Simulation,
  pod: KObject,
  container: string,
  opts: LogOptions = {},
): string[] | undefined {
  const k = kubeletFor(sim, pod);
  const c = k?.state.pods[pod.metadata.uid]?.containers[container];
  if (!c) return undefined;
  const src = logsOf(c, !!opts.previous);
  if (!src) return undefined;
  let lines = src;
  if (opts.sinceSeconds !== undefined)
    lines = lines.filter((l) => l.t >= sim.now() - opts.sinceSeconds! * 1000);
  if (opts.tail !== undefined && opts.tail >= 0)
    lines = lines.slice(Math.max(0, lines.length - opts.tail));
  return lines.map((l) =>
    opts.timestamps ? `${rfc3339Micro(l.t).replace(/Z$/, '')}000Z ${l.line}` : l.line,
  );
}
