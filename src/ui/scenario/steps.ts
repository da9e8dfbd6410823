/** Helpers for the scenario step timeline and captions (pure). */
import type { LocalizedText, StepInfo } from '../../worker/protocol';
import type { Lang } from '../lang';

export function localized(text: LocalizedText | undefined, lang: Lang): string | undefined {
  if (!text) return undefined;
  return lang === 'ko' && text.ko ? text.ko : text.en;
}

export type StepState = 'done' | 'current' | 'next' | 'later';

/** The state of each step, given the index of the step started last (-1: none yet). */
export function stepStates(count: number, current: number): StepState[] {
  return Array.from({ length: count }, (_, i) =>
    i < current ? 'done' : i === current ? 'current' : i === current + 1 ? 'next' : 'later',
  );
}

/**
 * When the step runs, in simulated epoch ms: its own `at`, or (without one) right after the
 * previous step, shown as the previous step's time; undefined when nothing before it has a time.
 */
export function stepTimes(steps: StepInfo[], startTime: number): (number | undefined)[] {
  let last: number | undefined = startTime;
  return steps.map((s) => {
    if (s.at !== undefined) last = startTime + s.at;
    return last;
  });
}

/** The first line of a step's script, shortened for a one-line display. */
export function stepCommand(run: string, max = 48): string {
  const first = run.split('\n').find((l) => l.trim() !== '') ?? '';
  const more = run.trim().includes('\n');
  const line = first.trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : more ? `${line} …` : line;
}
