/**
 * Markers of the editor (by line) and the output of Apply/Load, link problems and engine errors,
 * as plain text; the first-run hint sits on top until dismissed.
 */
import { useStore } from './store';
import { useT } from './i18n';
import { restoreOwnText } from './bridge';
import { Welcome } from './Welcome';

export function MessagePanel() {
  const t = useT();
  const markers = useStore((s) => s.markers);
  const messages = useStore((s) => s.messages);
  const clear = useStore((s) => s.clearMessages);
  const empty = markers.length === 0 && messages.length === 0;
  return (
    <section className="messages" aria-labelledby="messages-title">
      <header>
        <h2 id="messages-title">{t('messages.title')}</h2>
        <button className="btn small" onClick={clear} disabled={messages.length === 0}>
          {t('messages.clear')}
        </button>
      </header>
      <div className="messages-body" role="log" aria-live="polite" data-testid="messages">
        <Welcome />
        {empty && <p className="muted">{t('messages.empty')}</p>}
        {markers.length > 0 && (
          <ul className="marker-list" data-testid="marker-list">
            {markers.map((m, i) => (
              <li key={i} className={`marker ${m.severity}`} data-line={m.line}>
                <span className="marker-line">{t('messages.line', { line: m.line })}</span>{' '}
                {m.message}
              </li>
            ))}
          </ul>
        )}
        {messages.map((m) => (
          <div key={m.id} className={`message-row ${m.kind}`}>
            <pre className={`message ${m.kind}`}>{m.text}</pre>
            {m.action === 'restoreText' && (
              <button className="btn small" onClick={restoreOwnText}>
                {t('link.restore')}
              </button>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}
