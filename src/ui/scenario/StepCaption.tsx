/** The note of the scenario step that ran last, as a caption over the graph, in the current language. */
import { memo } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { localized } from './steps';

export const StepCaption = memo(function StepCaption() {
  const t = useT();
  const step = useStore((s) => s.step);
  const count = useStore((s) => s.scenario?.steps.length ?? 0);
  const note = useStore((s) => s.scenario?.steps[s.step]?.note);
  const lang = useStore((s) => s.lang);
  const closed = useStore((s) => s.captionClosed === s.step);
  const setSession = useStore((s) => s.setSession);
  const text = localized(note, lang);
  if (!text || closed) return null;
  return (
    <div className="caption" role="status" aria-live="polite" data-testid="step-caption">
      <span className="caption-step">{t('steps.caption', { n: step + 1, total: count })}</span>
      <span className="caption-text">{text}</span>
      <button
        className="btn icon small ghost"
        aria-label={t('steps.closeCaption')}
        data-tip={t('steps.closeCaption')}
        onClick={() => setSession({ captionClosed: step })}
      >
        ×
      </button>
    </div>
  );
});
