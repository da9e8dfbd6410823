import { describe, expect, it } from 'vitest';
import { ContainerFs } from '../container-fs';
import { newVm, runToCompletion, runVm, type ShellHost } from './vm';

function host(
  files: Record<string, string> = { '/etc/hostname': 'web-1\n', '/tmp/': '' },
): ShellHost {
  return {
    fs: new ContainerFs(files, []),
    hostname: 'web-1',
    now: () => Date.parse('2026-01-05T09:00:03Z'),
  };
}

describe('sh -c interpreter', () => {
  it.each([
    ['echo hello', 'hello\n', 0],
    ['echo -n hi', 'hi', 0],
    ['echo "a  b" c', 'a  b c\n', 0],
    ["echo 'it''s'", 'its\n', 0],
    ['X=5; echo $X ${X}x', '5 5x\n', 0],
    ['echo "$MY_VAR"', 'from-env\n', 0],
    ['true && echo yes || echo no', 'yes\n', 0],
    ['false && echo yes || echo no', 'no\n', 0],
    ['false; echo $?', '1\n', 0],
    ['exit 3', '', 3],
    ['for i in 1 2 3; do echo $i; done', '1\n2\n3\n', 0],
    ['i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', '0\n1\n2\n', 0],
    ['if [ -f /etc/hostname ]; then echo yes; else echo no; fi', 'yes\n', 0],
    ['cat /etc/hostname', 'web-1\n', 0],
    ['hostname', 'web-1\n', 0],
    ['date', 'Mon Jan  5 09:00:03 UTC 2026\n', 0],
    ['echo "$(hostname) says hi"', 'web-1 says hi\n', 0],
    ['touch /tmp/healthy; cat /tmp/healthy; echo $?', '0\n', 0],
    ['mkdir -p /data/x && echo hi > /data/x/f && cat /data/x/f && ls /data', 'hi\nx\n', 0],
    ['echo a >> /tmp/l; echo b >> /tmp/l; cat /tmp/l | wc -l', '2\n', 0],
    ['printenv MY_VAR', 'from-env\n', 0],
    ['echo one; sleep 5; echo two', 'one\ntwo\n', 0],
    ['! false && echo negated', 'negated\n', 0],
  ])('%s', (script, stdout, code) => {
    const r = runToCompletion(script, { MY_VAR: 'from-env' }, host());
    expect(r.stdout).toBe(stdout);
    expect(r.exitCode).toBe(code);
  });

  it.each([
    ['cat /tmp/healthy', "cat: can't open '/tmp/healthy': No such file or directory\n", 1],
    ['nosuchcmd', 'sh: nosuchcmd: not found\n', 127],
    ['rm /tmp/none', "rm: can't remove '/tmp/none': No such file or directory\n", 1],
    ['rm -f /tmp/none', '', 0],
  ])('%s fails like busybox', (script, stderr, code) => {
    const r = runToCompletion(script, {}, host());
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(code);
  });

  it('yields at sleep and resumes where it stopped', () => {
    const h = host();
    const vm = newVm('touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600', {});
    let out = '';
    const io = { stdin: '', out: (s: string) => (out += s), err: (s: string) => (out += s) };
    expect(runVm(vm, h, io)).toEqual({ kind: 'sleep', ms: 30_000 });
    expect(h.fs.read('/tmp/healthy')).toBe('');
    expect(runVm(JSON.parse(JSON.stringify(vm)), h, io)).toEqual({ kind: 'sleep', ms: 600_000 });
    expect(h.fs.read('/tmp/healthy')).toBeUndefined();
  });

  it('waits forever on sleep infinity and tail -f /dev/null', () => {
    expect(
      runVm(newVm('sleep infinity', {}), host(), { stdin: '', out: () => {}, err: () => {} }),
    ).toEqual({ kind: 'forever' });
    expect(
      runVm(newVm('tail -f /dev/null', {}), host(), { stdin: '', out: () => {}, err: () => {} }),
    ).toEqual({ kind: 'forever' });
  });

  it('loops forever with a sleep each round', () => {
    const vm = newVm('while true; do echo tick; sleep 5; done', {});
    let out = '';
    const io = { stdin: '', out: (s: string) => (out += s), err: () => {} };
    for (let i = 0; i < 3; i++) expect(runVm(vm, host(), io)).toEqual({ kind: 'sleep', ms: 5000 });
    expect(out).toBe('tick\ntick\ntick\n');
  });

  it('reports a syntax error as sh does', () => {
    const r = runToCompletion('while true; do echo', {}, host());
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^sh: syntax error/);
  });
});
