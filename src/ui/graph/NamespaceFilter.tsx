/** The namespace filter: a compact button listing what is shown, opening a checklist (system namespaces are hidden by default). */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from '../i18n';
import { Popover } from '../Popover';
import { DEFAULT_HIDDEN_NAMESPACES } from '../store/prefs';

export const NamespaceFilter = memo(function NamespaceFilter({
  namespaces,
}: {
  namespaces: string[];
}) {
  const t = useT();
  const hidden = useStore(useShallow((s) => s.hiddenNamespaces));
  const setPrefs = useStore((s) => s.setPrefs);
  const shown = namespaces.filter((ns) => !hidden.includes(ns));
  const toggle = (ns: string) =>
    setPrefs({
      hiddenNamespaces: hidden.includes(ns)
        ? hidden.filter((x) => x !== ns)
        : [...hidden, ns].sort(),
    });
  const summary =
    shown.length === namespaces.length
      ? t('ns.all')
      : shown.length === 0
        ? t('ns.none')
        : shown.length === 1
          ? shown[0]
          : t('ns.some', { n: shown.length });
  return (
    <Popover
      label={t('graph.namespaces')}
      tip={t('ns.tip')}
      buttonClass="btn small panel-btn"
      button={
        <>
          <span className="muted">{t('graph.namespaces')}:</span> <b>{summary}</b> ▾
        </>
      }
    >
      <fieldset className="ns-filter">
        <legend className="visually-hidden">{t('graph.namespaces')}</legend>
        {namespaces.map((ns) => (
          <label key={ns}>
            <input type="checkbox" checked={!hidden.includes(ns)} onChange={() => toggle(ns)} />{' '}
            {ns}
          </label>
        ))}
        <div className="ns-actions">
          <button className="btn small" onClick={() => setPrefs({ hiddenNamespaces: [] })}>
            {t('ns.showAll')}
          </button>
          <button
            className="btn small"
            onClick={() => setPrefs({ hiddenNamespaces: DEFAULT_HIDDEN_NAMESPACES })}
          >
            {t('ns.defaults')}
          </button>
        </div>
      </fieldset>
    </Popover>
  );
});
