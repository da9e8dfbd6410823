/** Helpers for kubectl scenario tests: run a script as a terminal session and compare it line by line. */
import { expect } from 'vitest';
import { bufferIo } from '../../src/engine/command';
import { runScript } from '../../src/scenario/run';

/** Runs a script echoing each command as `$ command`; uids and resourceVersions masked. */
export function transcript(script: string, seed = 1): string {
  // stdout and stderr interleaved, as a terminal shows them.
  let text = '';
  const io = { out: (t: string) => (text += t), err: (t: string) => (text += t) };
  runScript(script, io, { seed, echo: true });
  return text
    .replace(/uid: [0-9a-f-]{36}/g, 'uid: <uid>')
    .replace(/resourceVersion: "\d+"/g, 'resourceVersion: "<rv>"');
}

/** Line-by-line comparison, so a failure names the first line that differs. */
export function expectLines(got: string, want: string): void {
  const g = got.split('\n');
  const w = want.split('\n');
  g.forEach((line, i) => expect(line, `line ${i + 1}`).toBe(w[i]));
  expect(g.length).toBe(w.length);
}

/** stdout and stderr of one script, separately. */
export function run(script: string, seed = 1): { out: string; err: string } {
  const io = bufferIo();
  runScript(script, io, { seed });
  return { out: io.stdout, err: io.stderr };
}
