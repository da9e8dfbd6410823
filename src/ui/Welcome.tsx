/** The first-run "what is this?" hint (until dismissed; the help overlay says the same). */
import { useStore } from './store';
import { useT } from './i18n';

export function Welcome() {
  const t = useT();
  const dismissed = useStore((s) => s.hintDismissed);
  const setPrefs = useStore((s) => s.setPrefs);
  if (dismissed) return null;
  return (
    <aside className="welcome" aria-labelledby="welcome-title" data-testid="welcome">
      <div className="welcome-head">
        <h2 id="welcome-title">{t('welcome.title')}</h2>
        <button className="btn small primary" onClick={() => setPrefs({ hintDismissed: true })}>
          {t('welcome.dismiss')}
        </button>
      </div>
      <p>{t('welcome.what')}</p>
      <ul>
        <li>{t('welcome.edit')}</li>
        <li>{t('welcome.watch')}</li>
        <li>{t('welcome.keys')}</li>
      </ul>
    </aside>
  );
}
