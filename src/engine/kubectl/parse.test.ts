import { describe, expect, it } from 'vitest';
import { splitCommandLine } from './shell';
import { parseFlags, UsageError } from './flags';
import { humanDuration } from './humanize';
import { parseResourceArgs } from './resources';

describe('splitCommandLine', () => {
  it.each([
    ['get pods -o wide', ['get', 'pods', '-o', 'wide']],
    [
      `patch deploy web -p '{"spec":{"replicas":2}}'`,
      ['patch', 'deploy', 'web', '-p', '{"spec":{"replicas":2}}'],
    ],
    [
      `get pods -o "jsonpath={.items[*].metadata.name}"`,
      ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
    ],
    [`exec x -- sh -c "echo \\"hi\\""`, ['exec', 'x', '--', 'sh', '-c', 'echo "hi"']],
    [`label pod a b\\ c=d`, ['label', 'pod', 'a', 'b c=d']],
    [`run x --image=nginx ''`, ['run', 'x', '--image=nginx', '']],
  ])('%s', (line, want) => expect(splitCommandLine(line)).toEqual(want));
});

describe('parseFlags', () => {
  const specs = {
    output: { type: 'string' as const, short: 'o' },
    watch: { type: 'bool' as const, short: 'w' },
    'label-columns': { type: 'strings' as const, short: 'L' },
    replicas: { type: 'int' as const },
  };
  it('long, short, attached and repeated forms', () => {
    const p = parseFlags(
      [
        'pods',
        '-oyaml',
        '-w',
        '-L',
        'app',
        '--label-columns=tier',
        '--replicas',
        '3',
        '-n',
        'kube-system',
      ],
      specs,
    );
    expect(p.args).toEqual(['pods']);
    expect(p.flags.str('output')).toBe('yaml');
    expect(p.flags.bool('watch')).toBe(true);
    expect(p.flags.strs('label-columns')).toEqual(['app', 'tier']);
    expect(p.flags.int('replicas')).toBe(3);
    expect(p.flags.str('namespace')).toBe('kube-system');
  });
  it('-- ends flags', () => {
    const p = parseFlags(['x', '--', 'ls', '-la'], specs);
    expect(p.args).toEqual(['x']);
    expect(p.dash).toEqual(['ls', '-la']);
  });
  it.each([
    [['--bogus'], 'unknown flag: --bogus'],
    [['-z'], "unknown shorthand flag: 'z' in -z"],
    [['-o'], "flag needs an argument: 'o' in -o"],
    [['--output'], 'flag needs an argument: --output'],
    [
      ['--replicas=x'],
      'invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax',
    ],
  ])('%j fails with %s', (argv, msg) => {
    expect(() => parseFlags(argv, specs)).toThrow(UsageError);
    expect(() => parseFlags(argv, specs)).toThrow(msg);
  });
});

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [-3 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 5 * s, '2m5s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 25 * m, '3h25m'],
    [8 * h + 5 * m, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [2 * d + 5 * h, '2d5h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [2 * 365 * d + 10 * d, '2y10d'],
    [9 * 365 * d, '9y'],
  ])('%i ms → %s', (ms, want) => expect(humanDuration(ms)).toBe(want));
});

describe('resource arguments', () => {
  it.each([
    [['deploy,rs,po'], ['Deployment:', 'ReplicaSet:', 'Pod:']],
    [
      ['deploy/web', 'pod/x'],
      ['Deployment:web', 'Pod:x'],
    ],
    [['pods', 'a', 'b'], ['Pod:a,b']],
    [['svc'], ['Service:']],
    [['deployments.apps'], ['Deployment:']],
  ])('%j', (args, want) => {
    expect(parseResourceArgs(args).map((r) => `${r.info.kind}:${r.names.join(',')}`)).toEqual(want);
  });
  it('unknown type', () => {
    expect(() => parseResourceArgs(['foo'])).toThrow(
      `the server doesn't have a resource type "foo"`,
    );
  });
  it('mixed forms', () => {
    expect(() => parseResourceArgs(['pods', 'pod/x'])).toThrow(
      'there is no need to specify a resource type as a separate argument',
    );
  });
});
