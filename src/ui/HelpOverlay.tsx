/** The keyboard shortcut overlay (`?`). */
import { useEffect, useRef } from 'react';
import { useStore } from './store';
import { useT } from './i18n';
import { SHORTCUTS } from './keys';

export function HelpOverlay() {
  const t = useT();
  const open = useStore((s) => s.helpOpen);
  const setPrefs = useStore((s) => s.setPrefs);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) close.current?.focus();
  }, [open]);
  if (!open) return null;
  const rows = SHORTCUTS.map(([k, what]) => [k === 'Space' ? t('key.space') : k, t(what)]);
  return (
    <div className="overlay" onClick={() => setPrefs({ helpOpen: false })}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title">{t('help.title')}</h2>
        <p className="help-about">{t('help.about')}</p>
        <dl className="shortcuts">
          {rows.map(([k, v]) => (
            <div key={k}>
              <dt>
                <kbd>{k}</kbd>
              </dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} className="btn primary" onClick={() => setPrefs({ helpOpen: false })}>
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
