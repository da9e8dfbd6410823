/**
 * Runs compiled shell code against a host (filesystem, clock, hostname). The main process of a
 * container runs until it sleeps or exits and yields; its state is plain JSON, so the kubelet
 * resumes it from a timer. `kubectl exec` and exec probes run scripts to completion (sleep is
 * instant there).
 */
import { compile, type Instr, type Simple, type Word } from './compile';
import { ShellSyntaxError } from './lex';
import { runCommand, type CmdResult } from './builtins';
import { evalArith } from './arith';
import type { FsApi } from './fsapi';
import { MAX_VM_STEPS, VM_BUSY_LOOP_PAUSE_MS } from '../constants';

export interface VmState {
  script: string;
  pc: number;
  status: number;
  vars: Record<string, string>;
  loops: Record<string, { items: string[]; i: number }>;
}

export interface ShellHost {
  fs: FsApi;
  hostname: string;
  now(): number;
  /** Optional network access for `wget -qO-` and `nslookup`. */
  http?(url: string): { ok: true; body: string } | { ok: false; error: string };
  /** The answer's name (the search path applied) and addresses. */
  lookup?(name: string): { name: string; ips: string[] } | undefined;
}

export interface Io {
  stdin: string;
  out(s: string): void;
  err(s: string): void;
}

export type VmYield =
  { kind: 'sleep'; ms: number } | { kind: 'exit'; code: number } | { kind: 'forever' };

export function newVm(script: string, env: Record<string, string>): VmState {
  return { script, pc: 0, status: 0, vars: { ...env }, loops: {} };
}

/**
 * Runs until the script sleeps, waits forever or exits. With `instant`, sleeps take no time
 * (exec): the run continues to the end. Mutates `vm`.
 */
export function runVm(
  vm: VmState,
  host: ShellHost,
  io: Io,
  opts: { instant?: boolean } = {},
): VmYield {
  let code: Instr[];
  try {
    code = compile(vm.script);
  } catch (e) {
    if (!(e instanceof ShellSyntaxError)) throw e;
    io.err(`sh: ${e.message}\n`);
    return { kind: 'exit', code: 2 };
  }
  for (let steps = 0; ; steps++) {
    if (vm.pc >= code.length) return { kind: 'exit', code: vm.status };
    if (steps >= MAX_VM_STEPS) {
      if (opts.instant) return { kind: 'exit', code: vm.status };
      return { kind: 'sleep', ms: VM_BUSY_LOOP_PAUSE_MS };
    }
    const ins = code[vm.pc];
    switch (ins.op) {
      case 'jmp':
        vm.pc = ins.to;
        continue;
      case 'jz':
        vm.pc = vm.status === 0 ? ins.to : vm.pc + 1;
        continue;
      case 'jnz':
        vm.pc = vm.status !== 0 ? ins.to : vm.pc + 1;
        continue;
      case 'zero':
        vm.status = 0;
        vm.pc++;
        continue;
      case 'not':
        vm.status = vm.status === 0 ? 1 : 0;
        vm.pc++;
        continue;
      case 'forinit':
        vm.loops[ins.slot] = { items: ins.words.flatMap((w) => expandWord(w, vm, host)), i: 0 };
        vm.pc++;
        continue;
      case 'fornext': {
        const loop = vm.loops[ins.slot];
        if (!loop || loop.i >= loop.items.length) {
          vm.pc = ins.to;
          continue;
        }
        vm.vars[ins.name] = loop.items[loop.i++];
        vm.pc++;
        continue;
      }
      case 'run': {
        vm.pc++;
        const r = runPipeline(ins.pipeline, vm, host, io);
        if (r.exit !== undefined) return { kind: 'exit', code: r.exit };
        vm.status = r.status;
        if (r.forever && !opts.instant) return { kind: 'forever' };
        if (r.sleepMs !== undefined && r.sleepMs > 0 && !opts.instant)
          return { kind: 'sleep', ms: r.sleepMs };
        continue;
      }
    }
  }
}

/** Runs a whole script synchronously (exec, probes, `$(...)`). */
export function runToCompletion(
  script: string,
  env: Record<string, string>,
  host: ShellHost,
  stdin = '',
): { stdout: string; stderr: string; exitCode: number } {
  let stdout = '';
  let stderr = '';
  const vm = newVm(script, env);
  const r = runVm(
    vm,
    host,
    { stdin, out: (s) => (stdout += s), err: (s) => (stderr += s) },
    { instant: true },
  );
  return { stdout, stderr, exitCode: r.kind === 'exit' ? r.code : 0 };
}

function runPipeline(stages: Simple[], vm: VmState, host: ShellHost, io: Io): CmdResult {
  let stdin = io.stdin;
  let last: CmdResult = { status: 0 };
  stages.forEach((st, idx) => {
    const isLast = idx === stages.length - 1;
    let captured = '';
    const stageIo: Io = isLast
      ? { ...io, stdin }
      : { stdin, out: (s) => (captured += s), err: io.err };
    last = runSimple(st, vm, host, stageIo);
    stdin = captured;
  });
  if (stages.length > 1) return { status: last.status, exit: last.exit };
  return last;
}

function runSimple(st: Simple, vm: VmState, host: ShellHost, io: Io): CmdResult {
  const fields: string[] = [];
  let assigning = true;
  const assigns: [string, string][] = [];
  for (const w of st.words) {
    const first = w[0];
    if (assigning && first?.t === 'lit' && !first.q) {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.v);
      if (m) {
        const rest: Word = [
          { ...first, v: first.v.slice(m[0].length), q: true },
          ...w.slice(1).map((p) => ({ ...p, q: true })),
        ];
        assigns.push([m[1], expandWord(rest, vm, host).join(' ')]);
        continue;
      }
    }
    assigning = false;
    fields.push(...expandWord(w, vm, host));
  }
  for (const [k, v] of assigns) vm.vars[k] = v;
  if (fields.length === 0) return { status: 0 };

  let out = io.out;
  let err = io.err;
  let stdin = io.stdin;
  for (const r of st.redirs) {
    const target = r.target ? expandWord(r.target, vm, host).join(' ') : '';
    if (r.op === '2>&1') err = out;
    else if (r.op === '<') {
      const c = host.fs.read(target);
      if (c === undefined) {
        io.err(`sh: can't open '${target}': No such file or directory\n`);
        return { status: 1 };
      }
      stdin = c;
    } else if (target === '/dev/null') {
      if (r.op === '2>') err = () => {};
      else if (r.op === '&>') out = err = () => {};
      else out = () => {};
    } else if (r.op === '2>') {
      host.fs.write(target, '', false);
      err = (s) => host.fs.write(target, s, true);
    } else {
      const e = host.fs.write(target, '', r.op === '>>');
      if (e) {
        io.err(
          `sh: can't create ${target}: ${e === 'ENOENT' ? 'nonexistent directory' : 'Is a directory'}\n`,
        );
        return { status: 1 };
      }
      out = (s) => host.fs.write(target, s, true);
      if (r.op === '&>') err = out;
    }
  }
  return runCommand(fields, vm, host, { stdin, out, err });
}

/** Expands one word into fields: parameter, command and arithmetic expansion, then field splitting. */
export function expandWord(w: Word, vm: VmState, host: ShellHost): string[] {
  const fields: string[] = [];
  let cur = '';
  let has = false;
  for (const p of w) {
    let v: string;
    if (p.t === 'lit') v = p.v;
    else if (p.t === 'var') v = lookupVar(p.name, vm);
    else if (p.t === 'arith') v = String(evalArith(p.expr, vm.vars));
    else v = runToCompletion(p.src, vm.vars, host).stdout.replace(/\n+$/, '');
    if (p.q || p.t === 'lit') {
      cur += v;
      has = true;
      continue;
    }
    const pieces = v.split(/[ \t\n]+/);
    pieces.forEach((piece, i) => {
      if (i > 0) {
        if (has) fields.push(cur);
        cur = '';
        has = false;
      }
      if (piece !== '') {
        cur += piece;
        has = true;
      }
    });
  }
  if (has) fields.push(cur);
  return fields;
}

function lookupVar(name: string, vm: VmState): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?-)(.*)$/.exec(name);
  if (m) {
    const v = vm.vars[m[1]];
    return v === undefined || (m[2] === ':-' && v === '') ? m[3] : v;
  }
  if (name === '?') return String(vm.status);
  if (name === '$') return '1';
  if (name === '#') return '0';
  if (name === '@' || name === '*') return '';
  return vm.vars[name] ?? '';
}
