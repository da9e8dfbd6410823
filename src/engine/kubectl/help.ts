/** `kubectl`, `kubectl X --help` and "Did you mean this?" (cobra's SuggestionsFor). */
import type { KubectlCommand } from './context';
import { COMMANDS } from './registry';

/** cobra `SuggestionsMinimumDistance`. */
const SUGGESTION_DISTANCE = 2;

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length][b.length];
}

/** Commands within edit distance 2 or starting with the typed word, in cobra's command order. */
export function suggestions(word: string, commands: readonly KubectlCommand[]): string[] {
  const w = word.toLowerCase();
  const out: string[] = [];
  for (const c of commands) {
    const close = levenshtein(w, c.name) <= SUGGESTION_DISTANCE || c.name.startsWith(w);
    const alias = (c.aliases ?? []).some((a) => levenshtein(w, a) <= SUGGESTION_DISTANCE);
    if ((close || alias) && !out.includes(c.name)) out.push(c.name);
  }
  return out;
}

const GROUPS: [string, string[]][] = [
  ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
  ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
  ['Deploy Commands', ['rollout', 'scale', 'autoscale']],
  ['Cluster Management Commands', ['cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
  [
    'Troubleshooting and Debugging Commands',
    ['describe', 'logs', 'exec', 'port-forward', 'events'],
  ],
  ['Advanced Commands', ['apply', 'patch', 'replace', 'wait']],
  ['Settings Commands', ['label', 'annotate']],
  ['Other Commands', ['api-resources', 'api-versions', 'config', 'version']],
];

export function rootHelp(): string {
  const lines = [
    'kubectl controls the Kubernetes cluster manager.',
    '',
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/',
    '',
  ];
  for (const [title, names] of GROUPS) {
    lines.push(`${title}:`);
    for (const n of names) {
      const c = COMMANDS.find((x) => x.name === n);
      if (c) lines.push(`  ${n.padEnd(16)}${c.short}`);
    }
    lines.push('');
  }
  lines.push(
    'Usage:',
    '  kubectl [flags] [options]',
    '',
    'Use "kubectl <command> --help" for more information about a given command.',
  );
  lines.push(
    'Use "kubectl options" for a list of global command-line options (applies to all commands).',
    '',
  );
  return lines.join('\n');
}

export function commandHelp(c: KubectlCommand): string {
  const flags = Object.entries(c.flags)
    .map(
      ([name, s]) =>
        `    ${s.short ? `-${s.short}, ` : ''}--${name}${s.type === 'bool' ? '' : `=${s.default === undefined ? "''" : JSON.stringify(s.default)}`}`,
    )
    .join('\n');
  return `${c.short}.\n\nOptions:\n${flags}\n\nUsage:\n  ${c.usage}\n\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}
