/** Namespace toggles (kube-system and the other system namespaces are hidden by default). */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from '../i18n';

export const NamespaceFilter = memo(function NamespaceFilter({
  namespaces,
}: {
  namespaces: string[];
}) {
  const t = useT();
  const hidden = useStore(useShallow((s) => s.hiddenNamespaces));
  const setPrefs = useStore((s) => s.setPrefs);
  const toggle = (ns: string) =>
    setPrefs({
      hiddenNamespaces: hidden.includes(ns)
        ? hidden.filter((x) => x !== ns)
        : [...hidden, ns].sort(),
    });
  return (
    <fieldset className="ns-filter">
      <legend>{t('graph.namespaces')}</legend>
      {namespaces.map((ns) => (
        <label key={ns}>
          <input type="checkbox" checked={!hidden.includes(ns)} onChange={() => toggle(ns)} /> {ns}
        </label>
      ))}
    </fieldset>
  );
});
