/**
 * What a container runs: the image's own program, or a command the simulated shell interprets
 * (`sh -c "..."`, `sleep 3600`). Docker semantics: `command` replaces ENTRYPOINT (and drops CMD),
 * `args` replace CMD.
 */
import type { ImageSpec } from './images/types';
import { isBuiltin } from './shell/builtins';
import { expandRefs } from './env';
import { piDigits } from './pi';

export type Process =
  /** The image's program: startup logs, then `script` (or run forever), serving its ports. */
  | { kind: 'image'; script: string }
  /** A command the shell runs as PID 1 (which ignores SIGTERM). */
  | { kind: 'script'; script: string }
  /** The runtime cannot start it (StartError). */
  | { kind: 'error'; message: string };

const SHELLS = new Set(['sh', 'bash', 'ash']);

function quote(a: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

export function resolveProcess(
  image: ImageSpec,
  command: string[] | undefined,
  args: string[] | undefined,
  env: Record<string, string>,
): Process {
  const argv = (
    command ? [...command, ...(args ?? [])] : [...image.entrypoint, ...(args ?? image.cmd)]
  ).map((a) => expandRefs(a, env));
  if (!command && !args) return { kind: 'image', script: image.script ?? 'sleep infinity' };
  if (argv.length === 0) return { kind: 'error', message: 'no command specified' };
  const bin = argv[0].replace(/^.*\//, '');
  const needsShell = SHELLS.has(bin) || isBuiltin(bin);
  if (needsShell && !image.shell) {
    return {
      kind: 'error',
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
    };
  }
  if (SHELLS.has(bin)) {
    const c = argv.indexOf('-c');
    // A shell without a script and without a terminal reads EOF and exits 0.
    return { kind: 'script', script: c >= 0 ? (argv[c + 1] ?? '') : '' };
  }
  if (bin === 'perl') {
    const m = /bpi\((\d+)\)/.exec(argv.join(' '));
    if (m) return { kind: 'script', script: `sleep 2; echo ${piDigits(Number(m[1]))}` };
  }
  if (isBuiltin(bin)) return { kind: 'script', script: argv.map(quote).join(' ') };
  // The image's own binary (nginx -g 'daemon off;', node app.js, /agnhost netexec, ...).
  return { kind: 'image', script: image.script ?? 'sleep infinity' };
}
