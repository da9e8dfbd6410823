/**
 * The headless runner: `kubeplay [--seed N] [--nodes N] [--check] [--echo] [--trace-hash] FILE`.
 * Runs a script, a scenario or a manifest file against a fresh simulated cluster and prints each
 * command's output as kubectl (or curl) would. Exit status: 0, or 1 when `--check` meets a failed
 * `expect`, or 2 for usage errors and files it cannot read.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FileSource, Io } from '../engine/command';
import { runText } from '../scenario/run';
import { parseDuration } from '../engine/clock';

const USAGE = `Usage: kubeplay [--seed N] [--nodes N] [--check] [--echo] [--until DURATION] [--trace-hash] FILE

Runs a Kubeplay script (kubectl, curl, sleep, kubeplay and expect lines), a scenario
(a kubeplay/v1 Scenario header followed by manifests) or a manifest file against a
fresh simulated cluster, in simulated time.

  --seed N       seed for the simulation's randomness (default: the scenario's, else 1)
  --nodes N      number of worker nodes (default: the scenario's, else 3)
  --check        exit 1 at the first failed expect
  --echo         print each command as "$ command" before its output
  --until D      afterwards, keep the cluster running until D after the start (e.g. 10m)
  --trace-hash   print the trace hash of the run to stderr at the end
  -h, --help     show this help
`;

export interface CliResult {
  code: number;
}

export function main(
  argv: string[],
  out: NodeJS.WritableStream,
  errOut: NodeJS.WritableStream,
): number {
  const opts: {
    seed?: number;
    workers?: number;
    check?: boolean;
    echo?: boolean;
    traceHash?: boolean;
    until?: number;
  } = {};
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string): string | undefined => {
      if (a.includes('=')) return a.slice(a.indexOf('=') + 1);
      const v = argv[++i];
      if (v === undefined) errOut.write(`kubeplay: ${name} needs a value\n`);
      return v;
    };
    if (a === '-h' || a === '--help') {
      out.write(USAGE);
      return 0;
    } else if (a === '--check') opts.check = true;
    else if (a === '--echo') opts.echo = true;
    else if (a === '--trace-hash') opts.traceHash = true;
    else if (a === '--seed' || a.startsWith('--seed=')) {
      const v = value('--seed');
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 0xffffffff) {
        errOut.write(
          `kubeplay: --seed must be an integer from 0 to 4294967295 (got ${v ?? 'nothing'})\n`,
        );
        return 2;
      }
      opts.seed = Number(v);
    } else if (a === '--nodes' || a.startsWith('--nodes=')) {
      const v = value('--nodes');
      if (v === undefined || !/^\d+$/.test(v) || Number(v) > 49) {
        errOut.write(`kubeplay: --nodes must be an integer from 0 to 49 (got ${v ?? 'nothing'})\n`);
        return 2;
      }
      opts.workers = Number(v);
    } else if (a === '--until' || a.startsWith('--until=')) {
      const v = value('--until');
      const ms = v === undefined ? undefined : parseDuration(v);
      if (ms === undefined) {
        errOut.write(
          `kubeplay: --until must be a duration such as 30s or 10m (got ${v ?? 'nothing'})\n`,
        );
        return 2;
      }
      opts.until = ms;
    } else if (a.startsWith('-') && a !== '-') {
      errOut.write(`kubeplay: unknown flag: ${a}\n${USAGE}`);
      return 2;
    } else if (file === undefined) file = a;
    else {
      errOut.write(`kubeplay: only one FILE may be given (got ${file} and ${a})\n`);
      return 2;
    }
  }
  if (file === undefined) {
    errOut.write(USAGE);
    return 2;
  }
  let text: string;
  try {
    text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    errOut.write(
      `kubeplay: cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`,
    );
    return 2;
  }
  const base = file === '-' ? process.cwd() : dirname(resolve(file));
  const files: FileSource = {
    read(p) {
      try {
        return readFileSync(resolve(base, p), 'utf8');
      } catch {
        return undefined;
      }
    },
    list(p) {
      try {
        const full = resolve(base, p);
        if (!statSync(full).isDirectory()) return undefined;
        return readdirSync(full).sort();
      } catch {
        return undefined;
      }
    },
  };
  const io: Io = { out: (t) => void out.write(t), err: (t) => void errOut.write(t) };
  const r = runText(text, file, io, { ...opts, files });
  if ('error' in r) {
    errOut.write(r.error + '\n');
    return 2;
  }
  if (opts.until !== undefined)
    r.sim.advanceTo(Math.max(r.sim.now(), r.sim.config.startTime + opts.until));
  if (opts.traceHash) errOut.write(`trace-hash: ${r.sim.trace.hash()}\n`);
  return r.exitCode;
}
