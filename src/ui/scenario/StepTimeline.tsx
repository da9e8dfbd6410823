/**
 * The scenario's steps in the header: a dot per step (done, running, next) and what comes next and
 * when; the button opens the full list with each step's time, command and note.
 */
import { memo } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { Popover } from '../Popover';
import { clockText } from '../format';
import { localized, stepCommand, stepStates, stepTimes } from './steps';

export const StepTimeline = memo(function StepTimeline() {
  const t = useT();
  const scenario = useStore((s) => s.scenario);
  const current = useStore((s) => s.step);
  const now = useStore((s) => s.clock.now);
  const lang = useStore((s) => s.lang);
  const steps = scenario?.steps ?? [];
  const title = localized(
    scenario ? { en: scenario.title, ko: scenario.titleKo } : undefined,
    lang,
  );
  const description = localized(scenario?.description, lang);
  const states = stepStates(steps.length, current);
  const times = stepTimes(steps, scenario?.startTime ?? 0);
  const next = states.indexOf('next');
  const summary =
    steps.length === 0
      ? t('steps.none')
      : next < 0
        ? t('steps.allDone', { n: steps.length })
        : times[next] !== undefined && times[next]! > now
          ? t('steps.nextIn', {
              n: next + 1,
              s: Math.ceil((times[next]! - now) / 1000),
            })
          : t('steps.nextNow', { n: next + 1 });
  return (
    <Popover
      label={t('steps.label')}
      tip={t('steps.tip')}
      className="step-timeline"
      buttonClass="timeline-btn"
      align="center"
      testId="step-timeline"
      button={
        <>
          <span className="scenario-title">{title}</span>
          {steps.length > 0 && (
            <span className="step-dots" aria-hidden="true">
              {states.map((st, i) => (
                <span key={i} className={`step-dot ${st}`} />
              ))}
            </span>
          )}
          <span className="step-summary">{summary}</span>
        </>
      }
    >
      <div className="steps-panel">
        <h2>{title}</h2>
        {description && <p className="steps-description">{description}</p>}
        {steps.length === 0 ? (
          <p className="muted">{t('steps.emptyHelp')}</p>
        ) : (
          <ol className="steps-list">
            {steps.map((s, i) => (
              <li key={i} className={states[i]} data-state={states[i]}>
                <span className="step-when">
                  {times[i] !== undefined ? clockText(times[i]!) : '—'}
                </span>
                <span className={`step-state ${states[i]}`}>{t(`steps.state.${states[i]}`)}</span>
                <code className="step-run" title={s.run}>
                  {stepCommand(s.run)}
                </code>
                {s.note && <span className="step-note">{localized(s.note, lang)}</span>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </Popover>
  );
});
