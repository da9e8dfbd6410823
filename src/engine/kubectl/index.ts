/**
 * The kubectl interpreter: `runKubectl(session, argv, io)` parses the command line as kubectl's
 * cobra tree does and runs the command against the simulated API server. Text in, text out, with
 * kubectl 1.35's wording; commands that must let simulated time pass yield a Wait.
 */
import type { CommandRun, Io, Session } from '../command';
import { commandIndex, parseFlags, UsageError } from './flags';
import { reportError, type Ctx, type KubectlCommand } from './context';
import { COMMANDS, findCommand } from './registry';
import { commandHelp, rootHelp, suggestions } from './help';

export { splitCommandLine } from './shell';

/** `kubectl port-forward svc/web 8080:80 &`: a trailing `&` (its own word or glued on) backgrounds the job. */
function backgroundJob(words: string[]): { argv: string[]; background: boolean } {
  const last = words[words.length - 1];
  if (last === '&') return { argv: words.slice(0, -1), background: true };
  if (last?.endsWith('&') && !last.endsWith('\\&') && last.length > 1)
    return { argv: [...words.slice(0, -1), last.slice(0, -1)], background: true };
  return { argv: words, background: false };
}

export function* runKubectl(session: Session, words: string[], io: Io, stdin?: string): CommandRun {
  const pipe = words.indexOf('|');
  if (pipe >= 0) {
    // Kubeplay has no shell: say so rather than let `| head -3` fail as a kubectl flag.
    io.err(
      `error: pipes are not supported in Kubeplay; run "kubectl ${words.slice(0, pipe).join(' ')}" on its own\n`,
    );
    return 1;
  }
  const { argv, background } = backgroundJob(words);
  const ci = commandIndex(argv);
  if (ci < 0) {
    if (argv.includes('--help') || argv.includes('-h') || argv.length === 0) {
      io.out(rootHelp());
      return 0;
    }
    if (argv.includes('--version')) {
      io.err("error: unknown flag: --version\nSee 'kubectl --help' for usage.\n");
      return 1;
    }
    io.out(rootHelp());
    return 0;
  }
  const word = argv[ci];
  const cmd = findCommand(word);
  if (!cmd) {
    const s = suggestions(word, COMMANDS);
    io.err(
      `error: unknown command "${word}" for "kubectl"${s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '\n'}`,
    );
    if (!s.length) io.err(`Run 'kubectl --help' for usage.\n`);
    return 1;
  }
  const rest = [...argv.slice(0, ci), ...argv.slice(ci + 1)];
  let parsed;
  try {
    parsed = parseFlags(rest, cmd.flags);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\nSee 'kubectl ${cmd.name} --help' for usage.\n`);
      return 1;
    }
    throw e;
  }
  if (parsed.flags.bool('help')) {
    io.out(commandHelp(cmd));
    return 0;
  }
  const ctx: Ctx = {
    session,
    sim: session.sim,
    io,
    stdin,
    flags: parsed.flags,
    args: parsed.args,
    dash: parsed.dash,
    command: cmd.name,
    background,
  };
  try {
    const r = cmd.run(ctx);
    return typeof r === 'number' ? r : yield* r;
  } catch (e) {
    return reportError(io, e);
  }
}

export type { KubectlCommand };
