/**
 * The commands of the simulated busybox: what tutorials run in `sh -c` and `kubectl exec`.
 * Messages use busybox's wording (`cat: can't open '/tmp/healthy': No such file or directory`).
 */
import { FS_ERROR_TEXT, normalizePath } from './fsapi';
import { runToCompletion, type Io, type ShellHost, type VmState } from './vm';

export interface CmdResult {
  status: number;
  /** The process asked to sleep this long (the VM yields). */
  sleepMs?: number;
  /** The process waits forever (`sleep infinity`, `tail -f /dev/null`). */
  forever?: boolean;
  /** `exit N`: the script ends. */
  exit?: number;
}

type Builtin = (args: string[], vm: VmState, host: ShellHost, io: Io) => CmdResult;

const ok: CmdResult = { status: 0 };
const fail = (io: Io, msg: string, status = 1): CmdResult => {
  io.err(msg.endsWith('\n') ? msg : msg + '\n');
  return { status };
};

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** busybox `date` default format: `Mon Jan  5 09:00:03 UTC 2026`. */
export function busyboxDate(ms: number): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function parseSleep(arg: string | undefined): number | 'forever' | undefined {
  if (arg === undefined) return undefined;
  if (arg === 'infinity' || arg === 'inf') return 'forever';
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * mult);
}

function test(args: string[], host: ShellHost): boolean {
  if (args.length === 0) return false;
  if (args[0] === '!') return !test(args.slice(1), host);
  if (args.length === 1) return args[0] !== '';
  if (args.length === 2) {
    const [op, a] = args;
    if (op === '-z') return a === '';
    if (op === '-n') return a !== '';
    if (op === '-f') return host.fs.read(a) !== undefined;
    if (op === '-d') return host.fs.isDir(a);
    if (op === '-e' || op === '-s') return host.fs.read(a) !== undefined || host.fs.isDir(a);
    return false;
  }
  const [a, op, b] = args;
  const n = (s: string) => Number.parseInt(s, 10);
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '-eq':
      return n(a) === n(b);
    case '-ne':
      return n(a) !== n(b);
    case '-lt':
      return n(a) < n(b);
    case '-le':
      return n(a) <= n(b);
    case '-gt':
      return n(a) > n(b);
    case '-ge':
      return n(a) >= n(b);
  }
  return false;
}

function readInputs(
  cmd: string,
  files: string[],
  host: ShellHost,
  io: Io,
): { text: string; status: number } {
  if (files.length === 0) return { text: io.stdin, status: 0 };
  let text = '';
  let status = 0;
  for (const f of files) {
    if (f === '-') {
      text += io.stdin;
      continue;
    }
    const c = host.fs.read(f);
    if (c === undefined) {
      io.err(
        `${cmd}: can't open '${f}': ${host.fs.isDir(f) ? 'Is a directory' : 'No such file or directory'}\n`,
      );
      status = 1;
    } else text += c;
  }
  return { text, status };
}

function lines(text: string): string[] {
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}

const BUILTINS: Record<string, Builtin> = {
  true: () => ok,
  ':': () => ok,
  false: () => ({ status: 1 }),
  exit: (a, vm) => ({
    status: 0,
    exit: a[0] === undefined ? vm.status : Number.parseInt(a[0], 10) & 255,
  }),
  echo: (a, _vm, _h, io) => {
    let n = false;
    let e = false;
    while (a[0] === '-n' || a[0] === '-e' || a[0] === '-ne' || a[0] === '-en') {
      const f = a.shift()!;
      if (f.includes('n')) n = true;
      if (f.includes('e')) e = true;
    }
    let s = a.join(' ');
    if (e) s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
    io.out(n ? s : s + '\n');
    return ok;
  },
  printf: (a, _vm, _h, io) => {
    const [fmt = '', ...rest] = a;
    let i = 0;
    const s = fmt.replace(/%[sd%]|\\n|\\t/g, (m) =>
      m === '\\n' ? '\n' : m === '\\t' ? '\t' : m === '%%' ? '%' : (rest[i++] ?? ''),
    );
    io.out(s);
    return ok;
  },
  sleep: (a, _vm, _h, io) => {
    const d = parseSleep(a[0]);
    if (d === undefined)
      return fail(
        io,
        a[0] === undefined ? 'Usage: sleep [N]...' : `sleep: invalid number '${a[0]}'`,
      );
    return d === 'forever' ? { status: 0, forever: true } : { status: 0, sleepMs: d };
  },
  date: (_a, _vm, h, io) => {
    io.out(busyboxDate(h.now()) + '\n');
    return ok;
  },
  hostname: (_a, _vm, h, io) => {
    io.out(h.hostname + '\n');
    return ok;
  },
  whoami: (_a, _vm, _h, io) => (io.out('root\n'), ok),
  id: (_a, _vm, _h, io) => (io.out('uid=0(root) gid=0(root) groups=0(root),10(wheel)\n'), ok),
  uname: (a, _vm, _h, io) => (
    io.out(
      a.includes('-a')
        ? 'Linux kubeplay 6.8.0-85-generic #85-Ubuntu SMP x86_64 GNU/Linux\n'
        : 'Linux\n',
    ),
    ok
  ),
  pwd: (_a, vm, _h, io) => (io.out((vm.vars.PWD ?? '/') + '\n'), ok),
  cd: (a, vm, h, io) => {
    const p = normalizePath(a[0] ?? '/', vm.vars.PWD);
    if (!h.fs.isDir(p))
      return fail(io, `sh: cd: can't cd to ${a[0]}: No such file or directory`, 2);
    vm.vars.PWD = p;
    return ok;
  },
  export: (a, vm) => {
    for (const x of a) {
      const i = x.indexOf('=');
      if (i > 0) vm.vars[x.slice(0, i)] = x.slice(i + 1);
    }
    return ok;
  },
  unset: (a, vm) => {
    for (const x of a) delete vm.vars[x];
    return ok;
  },
  printenv: (a, vm, _h, io) => {
    if (a.length) {
      const v = a.map((k) => vm.vars[k]).filter((x) => x !== undefined);
      for (const x of v) io.out(x + '\n');
      return { status: v.length === a.length ? 0 : 1 };
    }
    for (const k of Object.keys(vm.vars).sort()) io.out(`${k}=${vm.vars[k]}\n`);
    return ok;
  },
  touch: (a, _vm, h, io) => {
    for (const f of a.filter((x) => !x.startsWith('-'))) {
      if (h.fs.read(f) !== undefined || h.fs.isDir(f)) continue;
      const e = h.fs.write(f, '', true);
      if (e) return fail(io, `touch: ${f}: ${FS_ERROR_TEXT[e]}`);
    }
    return ok;
  },
  rm: (a, _vm, h, io) => {
    const flags = a.filter((x) => x.startsWith('-')).join('');
    let status = 0;
    for (const f of a.filter((x) => !x.startsWith('-'))) {
      const recursive = flags.includes('r') || flags.includes('R');
      if (h.fs.isDir(f) && !recursive) {
        io.err(`rm: '${f}' is a directory\n`);
        status = 1;
        continue;
      }
      const e = h.fs.remove(f, recursive);
      if (e && !(e === 'ENOENT' && flags.includes('f'))) {
        io.err(`rm: can't remove '${f}': ${FS_ERROR_TEXT[e]}\n`);
        status = 1;
      }
    }
    return { status };
  },
  mkdir: (a, _vm, h, io) => {
    const parents = a.includes('-p');
    for (const d of a.filter((x) => !x.startsWith('-'))) {
      const e = h.fs.mkdir(d, parents);
      if (e) return fail(io, `mkdir: can't create directory '${d}': ${FS_ERROR_TEXT[e]}`);
    }
    return ok;
  },
  cat: (a, _vm, h, io) => {
    const r = readInputs(
      'cat',
      a.filter((x) => x !== '-u'),
      h,
      io,
    );
    io.out(r.text);
    return { status: r.status };
  },
  ls: (a, vm, h, io) => {
    const paths = a.filter((x) => !x.startsWith('-'));
    let status = 0;
    for (const p of paths.length ? paths : [vm.vars.PWD ?? '/']) {
      const names = h.fs.list(p);
      if (names)
        names
          .filter((n) => a.some((x) => x.includes('a')) || !n.startsWith('.'))
          .forEach((n) => io.out(n + '\n'));
      else if (h.fs.read(p) !== undefined) io.out(p + '\n');
      else {
        io.err(`ls: ${p}: No such file or directory\n`);
        status = 1;
      }
    }
    return { status };
  },
  head: (a, _vm, h, io) => headTail('head', a, h, io),
  tail: (a, _vm, h, io) => {
    if (a.includes('-f') || a.includes('-F')) return { status: 0, forever: true };
    return headTail('tail', a, h, io);
  },
  wc: (a, _vm, h, io) => {
    const r = readInputs(
      'wc',
      a.filter((x) => !x.startsWith('-')),
      h,
      io,
    );
    io.out(`${lines(r.text).length}\n`);
    return { status: r.status };
  },
  grep: (a, _vm, h, io) => {
    const flags = a.filter((x) => x.startsWith('-')).join('');
    const [pattern = '', ...files] = a.filter((x) => !x.startsWith('-'));
    const r = readInputs('grep', files, h, io);
    const hits = lines(r.text).filter((l) => l.includes(pattern) !== flags.includes('v'));
    if (!flags.includes('q')) for (const l of hits) io.out(l + '\n');
    return { status: r.status || (hits.length ? 0 : 1) };
  },
  test: (a, _vm, h) => ({ status: test(a, h) ? 0 : 1 }),
  '[': (a, _vm, h, io) => {
    if (a[a.length - 1] !== ']') return fail(io, 'sh: missing ]', 2);
    return { status: test(a.slice(0, -1), h) ? 0 : 1 };
  },
  sh: (a, vm, h, io) => {
    if (a[0] !== '-c' || a[1] === undefined) return ok;
    const r = runToCompletion(a[1], vm.vars, h, io.stdin);
    io.out(r.stdout);
    io.err(r.stderr);
    return { status: r.exitCode };
  },
  wget: (a, _vm, h, io) => {
    const url = a.find((x) => !x.startsWith('-'));
    if (!url)
      return fail(
        io,
        'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] URL',
      );
    const quietToStdout = a.some(
      (x) => x === '-qO-' || x === '-O-' || x === '-O' || x.startsWith('-q'),
    );
    const r = h.http?.(url.includes('://') ? url : `http://${url}`) ?? {
      ok: false as const,
      error: `wget: bad address '${url}'`,
    };
    if (!r.ok) return fail(io, r.error);
    if (quietToStdout) io.out(r.body);
    return ok;
  },
  nslookup: (a, _vm, h, io) => {
    const name = a[0] ?? '';
    const answer = h.lookup?.(name);
    const ips = answer?.ips;
    if (!ips?.length)
      return fail(
        io,
        `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n** server can't find ${name}: NXDOMAIN\n`,
      );
    io.out(
      `Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n${ips.map((ip) => `Name:\t${answer!.name}\nAddress: ${ip}\n`).join('')}`,
    );
    return ok;
  },
};
BUILTINS.bash = BUILTINS.sh;
BUILTINS.ash = BUILTINS.sh;
BUILTINS.env = BUILTINS.printenv;

function headTail(cmd: 'head' | 'tail', a: string[], h: ShellHost, io: Io): CmdResult {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] === '-n') n = Number.parseInt(a[++i] ?? '10', 10);
    else if (/^-\d+$/.test(a[i])) n = Number.parseInt(a[i].slice(1), 10);
    else files.push(a[i]);
  }
  const r = readInputs(cmd, files, h, io);
  const l = lines(r.text);
  const pick = cmd === 'head' ? l.slice(0, n) : l.slice(Math.max(0, l.length - n));
  for (const x of pick) io.out(x + '\n');
  return { status: r.status };
}

/** Known command names (the kubelet uses this to tell a shell command from an image's own binary). */
export function isBuiltin(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name.replace(/^.*\//, ''));
}

export function runCommand(argv: string[], vm: VmState, host: ShellHost, io: Io): CmdResult {
  const name = argv[0].replace(/^\/(usr\/)?s?bin\//, '');
  const b = Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
  if (!b) {
    io.err(`sh: ${argv[0]}: not found\n`);
    return { status: 127 };
  }
  return b(argv.slice(1), vm, host, io);
}
