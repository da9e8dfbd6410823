/**
 * The scenario as the worker runs it: the statements of `scenarioStatements`, each tagged with the
 * index of the step it belongs to, so the UI can show which step runs now, its note, and what
 * comes next.
 */
import type { Scenario } from '../scenario/format';
import { scenarioStatements, type PlannedStatement } from '../scenario/run';
import type { StepInfo } from './protocol';

export { MANIFESTS_STEP, type PlannedStatement } from '../scenario/run';

/** The statements the worker runs, each tagged with its step (see scenarioStatements). */
export function scenarioPlan(s: Scenario): PlannedStatement[] {
  return scenarioStatements(s).statements;
}

export function stepInfos(s: Scenario | undefined): StepInfo[] {
  return (s?.steps ?? []).map((st) => ({
    run: st.run,
    line: st.line,
    ...(st.at !== undefined ? { at: st.at } : {}),
    ...(st.note ? { note: { en: st.note.en, ...(st.note.ko ? { ko: st.note.ko } : {}) } } : {}),
  }));
}
