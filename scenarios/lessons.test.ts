/** Every built-in lesson runs headless with all its `expect` lines passing. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../src/engine/command';
import { runText } from '../src/scenario/run';

const DIR = join(__dirname, '../src/scenario/lessons');
const lessons = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

describe('built-in lessons', () => {
  it('exist', () => expect(lessons.length).toBeGreaterThanOrEqual(3));

  it.each(lessons.map((f) => [f]))('%s passes its checks', (file) => {
    const io = bufferIo();
    const r = runText(readFileSync(join(DIR, file), 'utf8'), file, io, { check: true });
    expect('error' in r ? r.error : '').toBe('');
    expect(io.stderr).not.toMatch(/expect failed/);
    expect(r.exitCode).toBe(0);
  });
});
