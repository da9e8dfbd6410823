import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { main } from './cli';

function sink() {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += String(chunk);
      cb();
    },
  });
  return { stream, text: () => text };
}

function runCli(args: string[], files: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'kubeplay-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  const out = sink();
  const err = sink();
  const code = main(
    args.map((a) => (a in files ? join(dir, a) : a)),
    out.stream,
    err.stream,
  );
  return { code, stdout: out.text(), stderr: err.text() };
}

describe('kubeplay runner', () => {
  it('runs a script and exits 0 even after a failed command, like a shell without set -e', () => {
    const r = runCli(['s.kp'], { 's.kp': 'kubectl get pod nope\nkubectl get ns default\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Error from server (NotFound): pods "nope" not found');
    expect(r.stdout).toMatch(/^NAME\s+STATUS\s+AGE\ndefault\s+Active\s+5m\n$/);
  });

  it('with --check exits 1 at the first failed expect and runs nothing after it', () => {
    const r = runCli(['--check', 's.kp'], {
      's.kp': 'kubectl get ns\nexpect nothere\nkubectl get nodes\n',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('expect failed (line 2)');
    expect(r.stdout).not.toContain('control-plane');
  });

  it('resolves -f relative to the script', () => {
    const r = runCli(['s.kp'], {
      's.kp': 'kubectl apply -f cm.yaml\n',
      'cm.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: "1"\n',
    });
    expect(r.stdout).toBe('configmap/settings created\n');
  });

  it('sets the number of worker nodes with --nodes', () => {
    const r = runCli(['--nodes', '5', 's.kp'], { 's.kp': 'kubectl get nodes -o name\n' });
    expect(r.stdout.trim().split('\n')).toEqual([
      'node/control-plane',
      'node/node-1',
      'node/node-2',
      'node/node-3',
      'node/node-4',
      'node/node-5',
    ]);
  });

  it.each([
    [['missing-file.kp'], /cannot read/],
    [['--seed', 'abc', 'x'], /--seed must be an integer/],
    [['--bogus', 'x'], /unknown flag: --bogus/],
    [[], /Usage: kubeplay/],
  ])('exits 2 for %j', (args, message) => {
    const r = runCli(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('reports scenario header errors with file and line', () => {
    const r = runCli(['sc.yaml'], {
      'sc.yaml': 'apiVersion: kubeplay/v1\nkind: Scenario\nseed: -4\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/sc\.yaml:3: seed: must be an integer/);
  });
});
