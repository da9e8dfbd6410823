/** The newest cluster Events (`kubectl get events`), as text. */
import { memo } from 'react';
import { useStore } from './store';
import { useT } from './i18n';
import { clockText } from './format';

/** Rows shown (the store keeps more). */
const SHOWN_EVENTS = 60;

export const EventList = memo(function EventList() {
  const t = useT();
  const events = useStore((s) => s.events);
  const shown = events.slice(-SHOWN_EVENTS).reverse();
  return (
    <section className="events" aria-label={t('events.title')}>
      <h2>{t('events.title')}</h2>
      {shown.length === 0 ? (
        <p className="muted empty-state">{t('events.empty')}</p>
      ) : (
        <ol className="event-list">
          {shown.map((e) => (
            <li key={e.id} className={e.type === 'Warning' ? 'warning' : ''}>
              <time>{clockText(e.time)}</time> <span className="ev-type">{e.type}</span>{' '}
              <b>{e.reason}</b> <span className="ev-obj">{e.object}</span>{' '}
              <span className="ev-msg">{e.message}</span>
              {e.count > 1 ? <span className="ev-count"> ×{e.count}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
