/**
 * The scenario as the worker runs it: the statements of `scenarioStatements` (manifests, then each
 * step's script lines), each tagged with the index of the step it belongs to, so the UI can show
 * which step runs now, its note, and what comes next.
 */
import type { Scenario } from '../scenario/format';
import { parseScript, type Statement } from '../scenario/script';
import type { StepInfo } from './protocol';

/** Step index of the manifests applied at the start (before the first header step). */
export const MANIFESTS_STEP = -1;

export interface PlannedStatement extends Statement {
  /** Simulated ms after the start (first statement of a step with `at` only). */
  at?: number;
  step: number;
}

/** Mirrors src/scenario/run.ts scenarioStatements, keeping the step index of every statement. */
export function scenarioPlan(s: Scenario): PlannedStatement[] {
  const plan: PlannedStatement[] = [];
  if (s.manifests.trim())
    plan.push({
      line: s.manifestsLine,
      text: 'kubectl apply -f -',
      stdin: s.manifests,
      step: MANIFESTS_STEP,
    });
  s.steps.forEach((step, index) => {
    parseScript(step.run, step.line).statements.forEach((st, i) =>
      plan.push({
        ...st,
        step: index,
        ...(i === 0 && step.at !== undefined ? { at: step.at } : {}),
      }),
    );
  });
  return plan;
}

export function stepInfos(s: Scenario | undefined): StepInfo[] {
  return (s?.steps ?? []).map((st) => ({
    run: st.run,
    line: st.line,
    ...(st.at !== undefined ? { at: st.at } : {}),
    ...(st.note ? { note: { en: st.note.en, ...(st.note.ko ? { ko: st.note.ko } : {}) } } : {}),
  }));
}
