/**
 * The line grammar shared by scripts, scenario steps, the app's terminal and tests:
 *   kubectl ...            (with `-f FILE` relative to the script, or `-f -` and a heredoc)
 *   curl [opts] URL        (a request into the cluster)
 *   sleep DURATION         (advances simulated time: 500ms, 10s, 2m)
 *   kubeplay node stop|start NAME | node add [NAME] [--cpu N] [--memory Q]
 *   kubeplay traffic start SERVICE [--rate N/s] [--from outside|POD] | traffic stop SERVICE
 *   expect REGEX           (checks the previous command's output)
 *   echo TEXT, blank lines and # comments
 */
import type { CommandRun, Io, Session } from '../engine/command';
import { parseDuration } from '../engine/clock';
import { runKubectl, splitCommandLine } from '../engine/kubectl';
import { curl } from '../engine/proxy/curl';
import { startTraffic, stopTraffic } from '../engine/proxy/traffic';
import { addNode, startNode, stopNode } from '../engine/kubelet/nodeops';
import { ApiError } from '../engine/api/errors';
import { isQuantity } from '../engine/cluster/quantity';

export interface Statement {
  /** 1-based line where the statement starts. */
  line: number;
  /** The command line (continuations joined, heredoc marker removed). */
  text: string;
  /** Heredoc body, fed to the command's stdin. */
  stdin?: string;
}

export interface ScriptError {
  line: number;
  message: string;
}

/** Longest accepted single line and whole script (hostile input must not hang anything). */
export const MAX_LINE_LENGTH = 16_384;
export const MAX_SCRIPT_LENGTH = 1_000_000;

const HEREDOC_RE = /<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/;

export function parseScript(
  text: string,
  firstLine = 1,
): { statements: Statement[]; errors: ScriptError[] } {
  const statements: Statement[] = [];
  const errors: ScriptError[] = [];
  if (text.length > MAX_SCRIPT_LENGTH) {
    return {
      statements,
      errors: [
        {
          line: firstLine,
          message: `script is too long (${text.length} characters; at most ${MAX_SCRIPT_LENGTH})`,
        },
      ],
    };
  }
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const start = i;
    let cur = lines[i];
    while (/\\$/.test(cur) && i + 1 < lines.length)
      cur = cur.slice(0, -1) + ' ' + lines[++i].trimStart();
    const trimmed = cur.trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    if (trimmed.length > MAX_LINE_LENGTH) {
      errors.push({
        line: firstLine + start,
        message: `line is too long (${trimmed.length} characters)`,
      });
      continue;
    }
    const m = HEREDOC_RE.exec(trimmed);
    if (m && !insideQuotes(trimmed, m.index)) {
      const stripTabs = m[1] === '-';
      const delim = m[3];
      const body: string[] = [];
      let closed = false;
      while (++i < lines.length) {
        const l = stripTabs ? lines[i].replace(/^\t+/, '') : lines[i];
        if (l.trim() === delim) {
          closed = true;
          break;
        }
        body.push(l);
      }
      if (!closed)
        errors.push({
          line: firstLine + start,
          message: `here-document started here is not closed by "${delim}"`,
        });
      const cmd = (trimmed.slice(0, m.index) + trimmed.slice(m.index + m[0].length)).trim();
      statements.push({ line: firstLine + start, text: cmd, stdin: body.join('\n') + '\n' });
      continue;
    }
    statements.push({ line: firstLine + start, text: trimmed });
  }
  return { statements, errors };
}

function insideQuotes(s: string, idx: number): boolean {
  let q: string | null = null;
  for (let i = 0; i < idx; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
  }
  return q !== null;
}

/**
 * Runs statements one by one, remembering the previous command's output for `expect`.
 * Hosts (the runner, the worker's terminal, tests) drive the returned generators.
 */
export class ScriptExecutor {
  lastOutput = '';
  lastCommand = '';
  failedExpects: { line: number; pattern: string }[] = [];

  constructor(readonly session: Session) {}

  *run(st: Statement, io: Io): CommandRun {
    if (/^expect(\s|$)/.test(st.text)) return this.expect(st, io);
    let captured = '';
    const tee: Io = {
      out: (t) => {
        captured += t;
        io.out(t);
      },
      err: (t) => {
        captured += t;
        io.err(t);
      },
    };
    const code = yield* runLine(this.session, st.text, tee, st.stdin);
    this.lastOutput = captured;
    this.lastCommand = st.text;
    return code;
  }

  private expect(st: Statement, io: Io): number {
    const raw = st.text.replace(/^expect\s*/, '');
    const pattern = unquote(raw);
    let re: RegExp;
    try {
      // Accept a leading inline-flag group as Go and PCRE write it: (?s), (?i), (?is).
      const inline = /^\(\?([ims]+)\)/.exec(pattern);
      const flags = new Set(['m', ...(inline ? inline[1] : '')]);
      re = new RegExp(inline ? pattern.slice(inline[0].length) : pattern, [...flags].join(''));
    } catch (e) {
      io.err(`expect: invalid regular expression /${pattern}/: ${(e as Error).message}\n`);
      this.failedExpects.push({ line: st.line, pattern });
      return 2;
    }
    if (re.test(this.lastOutput)) return 0;
    io.err(
      `expect failed (line ${st.line}): /${pattern}/ does not match the output of "${this.lastCommand}"\n`,
    );
    this.failedExpects.push({ line: st.line, pattern });
    return 1;
  }
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.length >= 2 && ((t[0] === '"' && t.endsWith('"')) || (t[0] === "'" && t.endsWith("'"))))
    return t.slice(1, -1);
  return t;
}

/**
 * Runs one command line of the grammar. Nothing a user types may crash the host: an unexpected
 * exception becomes an error message and exit status 1, the way a CLI reports a failed request.
 */
export function* runLine(session: Session, line: string, io: Io, stdin?: string): CommandRun {
  try {
    return yield* dispatch(session, line, io, stdin);
  } catch (e) {
    if (e instanceof ApiError) io.err(`Error from server (${e.reason}): ${e.message}\n`);
    else io.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}

function* dispatch(session: Session, line: string, io: Io, stdin?: string): CommandRun {
  let argv: string[];
  try {
    argv = splitCommandLine(line);
  } catch (e) {
    io.err(`kubeplay: ${(e as Error).message}\n`);
    return 2;
  }
  if (argv.length === 0) return 0;
  const [cmd, ...args] = argv;
  const sim = session.sim;
  switch (cmd) {
    case 'kubectl':
    case 'k':
      return yield* runKubectl(session, args, io, stdin);
    case 'curl':
      return curl(sim, args, io, { namespace: session.namespace });
    case 'sleep': {
      const ms = args.length === 1 ? parseDuration(args[0]) : undefined;
      if (ms === undefined) {
        io.err(`sleep: invalid time interval '${args.join(' ')}' (use e.g. 500ms, 10s, 2m)\n`);
        return 1;
      }
      const until = sim.now() + ms;
      yield { until: () => sim.now() >= until, timeoutAt: until };
      return 0;
    }
    case 'echo':
      io.out(args.join(' ') + '\n');
      return 0;
    case 'kubeplay':
      return kubeplay(session, args, io);
    default:
      io.err(`kubeplay: command not found: ${cmd} (try kubectl, curl, sleep, kubeplay, expect)\n`);
      return 127;
  }
}

const KUBEPLAY_USAGE = `Usage:
  kubeplay node stop|start NAME
  kubeplay node add [NAME] [--cpu N] [--memory Q]
  kubeplay traffic start SERVICE [--rate N/s] [--from outside|POD] [-n NAMESPACE]
  kubeplay traffic stop SERVICE [-n NAMESPACE]
`;

function flagValue(args: string[], ...names: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const n of names) {
      if (args[i] === n) return args[i + 1];
      if (args[i].startsWith(n + '=')) return args[i].slice(n.length + 1);
    }
  }
  return undefined;
}

function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i].startsWith('-')) {
      if (!args[i].includes('=')) i++;
      continue;
    }
    out.push(args[i]);
  }
  return out;
}

function kubeplay(session: Session, args: string[], io: Io): number {
  const sim = session.sim;
  const [group, verb, ...rest] = args;
  const done = (r: { ok: boolean; message: string }) => {
    (r.ok ? io.out : io.err)(r.message.endsWith('\n') ? r.message : r.message + '\n');
    return r.ok ? 0 : 1;
  };
  if (group === 'node') {
    const [name] = positional(rest);
    if (verb === 'stop' && name) return done(stopNode(sim, name));
    if (verb === 'start' && name) return done(startNode(sim, name));
    if (verb === 'add') {
      const cpu = flagValue(rest, '--cpu');
      const memory = flagValue(rest, '--memory');
      if (cpu !== undefined && !(isQuantity(cpu) && /^\d+(\.\d+)?m?$/.test(cpu))) {
        io.err(`kubeplay: --cpu must be a CPU quantity such as 4 or 3500m (got ${cpu})\n`);
        return 1;
      }
      if (memory !== undefined && !(isQuantity(memory) && /^\d+(\.\d+)?([KMGT]i?)$/.test(memory))) {
        io.err(`kubeplay: --memory must be a memory quantity such as 8Gi (got ${memory})\n`);
        return 1;
      }
      return done(addNode(sim, { name, cpu, memory }));
    }
  }
  if (group === 'traffic') {
    const [service] = positional(rest);
    const namespace = flagValue(rest, '-n', '--namespace') ?? session.namespace;
    if (verb === 'start' && service) {
      const rateText = flagValue(rest, '--rate');
      const rate = rateText === undefined ? undefined : Number(rateText.replace(/\/s$/, ''));
      if (rate !== undefined && !(rate > 0 && rate <= 1000)) {
        io.err(
          `kubeplay: --rate must be between 0 and 1000 requests per second (got ${rateText})\n`,
        );
        return 1;
      }
      return done(startTraffic(sim, service, { namespace, rate, from: flagValue(rest, '--from') }));
    }
    if (verb === 'stop' && service) return done(stopTraffic(sim, service, { namespace }));
  }
  io.err(KUBEPLAY_USAGE);
  return 2;
}
