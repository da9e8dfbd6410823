/**
 * A kubectl session for scenario tests: the cluster comes from `runScript` (the headless runner's
 * own path), then further script chunks run on the same simulation so a test can assert between
 * steps. Output is returned per chunk.
 */
import { bufferIo, runHeadless } from '../../src/engine/command';
import type { Simulation } from '../../src/engine/sim';
import { runScript } from '../../src/scenario/run';
import { parseScript, ScriptExecutor } from '../../src/scenario/script';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = Record<string, any>;

export interface Output {
  stdout: string;
  stderr: string;
  /** Exit code of the last command of the chunk. */
  code: number;
}

export interface KubectlSession {
  sim: Simulation;
  traceHash: string;
  /** Runs script lines (kubectl, sleep, heredocs ...) and returns what they printed. */
  run(script: string): Output;
  /** Runs one command that prints JSON (`-o json`) and parses it. */
  json(command: string): Json;
  /** `kubectl get events` messages for one reason, in list order. */
  eventMessages(reason: string, kind?: string): string[];
}

export function session(
  script = '',
  opts: { seed?: number; workers?: number } = {},
): KubectlSession {
  const io = bufferIo();
  const r = runScript(script, io, { seed: opts.seed ?? 1, workers: opts.workers });
  const exec = new ScriptExecutor({ sim: r.sim, namespace: 'default' });
  const s: KubectlSession = {
    sim: r.sim,
    traceHash: r.traceHash,
    run(text) {
      const out = bufferIo();
      const { statements, errors } = parseScript(text);
      if (errors.length) throw new Error(errors.map((e) => e.message).join('\n'));
      let code = 0;
      for (const st of statements) code = runHeadless(r.sim, exec.run(st, out));
      s.traceHash = r.sim.trace.hash();
      return { stdout: out.stdout, stderr: out.stderr, code };
    },
    json(command) {
      const o = s.run(command);
      if (o.stderr) throw new Error(`${command}: ${o.stderr}`);
      return JSON.parse(o.stdout) as Json;
    },
    eventMessages(reason, kind) {
      const sel = `reason=${reason}${kind ? `,involvedObject.kind=${kind}` : ''}`;
      const list = s.json(`kubectl get events --field-selector ${sel} -o json`);
      return (list.items as Json[]).map((e) => e.message as string);
    },
  };
  if (io.stderr) throw new Error(`setup script failed: ${io.stderr}`);
  return s;
}

/** `kubectl apply -f -` with a heredoc body. */
export function apply(yaml: string): string {
  return `kubectl apply -f - <<EOF\n${yaml.trim()}\nEOF\n`;
}

/** A Deployment manifest with one nginx container. */
export function deploymentYaml(
  name: string,
  replicas: number,
  image: string,
  extraSpec = '',
): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
${extraSpec
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => `  ${l}`)
  .join('\n')}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: nginx
        image: ${image}
`;
}
