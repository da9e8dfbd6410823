import { describe, expect, it } from 'vitest';
import { parseScript } from './script';

describe('parseScript', () => {
  it('skips comments and blank lines and keeps line numbers', () => {
    const { statements } = parseScript('# setup\n\nkubectl get pods\n  sleep 10s  \n');
    expect(statements).toEqual([
      { line: 3, text: 'kubectl get pods' },
      { line: 4, text: 'sleep 10s' },
    ]);
  });

  it('feeds heredocs to stdin', () => {
    const { statements, errors } = parseScript(
      "kubectl apply -f - <<'EOF'\napiVersion: v1\nkind: Namespace\nEOF\nkubectl get ns\n",
    );
    expect(errors).toEqual([]);
    expect(statements[0]).toEqual({
      line: 1,
      text: 'kubectl apply -f -',
      stdin: 'apiVersion: v1\nkind: Namespace\n',
    });
    expect(statements[1]).toEqual({ line: 5, text: 'kubectl get ns' });
  });

  it('strips leading tabs with <<-', () => {
    const { statements } = parseScript('kubectl apply -f - <<-END\n\tkind: A\n\tEND\n');
    expect(statements[0].stdin).toBe('kind: A\n');
  });

  it('joins backslash continuations', () => {
    const { statements } = parseScript('kubectl create deployment web \\\n  --image=nginx\n');
    expect(statements).toEqual([{ line: 1, text: 'kubectl create deployment web  --image=nginx' }]);
  });

  it('reports an unclosed heredoc', () => {
    const { errors } = parseScript('kubectl apply -f - <<EOF\nkind: A\n');
    expect(errors[0]).toEqual({
      line: 1,
      message: 'here-document started here is not closed by "EOF"',
    });
  });

  it('does not take << inside quotes as a heredoc', () => {
    const { statements } = parseScript(`echo "a <<EOF b"`);
    expect(statements).toEqual([{ line: 1, text: 'echo "a <<EOF b"' }]);
  });

  it('bounds line length', () => {
    const { errors } = parseScript('echo ' + 'x'.repeat(20_000));
    expect(errors[0].message).toMatch(/too long/);
  });
});
