/**
 * The left pane: tabs (scenario / live object), the lazily loaded Monaco editor and the message
 * panel. The graph never waits for Monaco: it loads in its own chunk behind Suspense.
 */
import { lazy, Suspense } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';
import { applyText } from '../bridge';
import { getObjectDraft } from './text';
import { MessagePanel } from '../MessagePanel';

const MonacoView = lazy(() => import('./MonacoView'));

export function EditorPanel() {
  const t = useT();
  const tab = useStore((s) => s.editorTab);
  const selectedYaml = useStore((s) => s.selectedYaml);
  const setSession = useStore((s) => s.setSession);
  const objectName = useStore((s) => (s.selectedYaml ? s.objects[s.selectedYaml.uid] : undefined));

  return (
    <section className="editor-panel" aria-label={t('editor.label')}>
      <div className="tabs" role="tablist">
        <button
          role="tab"
          aria-selected={tab === 'scenario'}
          className="tab"
          onClick={() => setSession({ editorTab: 'scenario' })}
        >
          {t('editor.scenario')}
        </button>
        {selectedYaml && (
          <button
            role="tab"
            aria-selected={tab === 'object'}
            className="tab"
            onClick={() => setSession({ editorTab: 'object' })}
          >
            {t('editor.object')}
            {objectName ? `: ${objectName.kind.toLowerCase()}/${objectName.name}` : ''}
          </button>
        )}
        <span className="spacer" />
        {tab === 'object' && selectedYaml && (
          <>
            <button className="btn small primary" onClick={() => applyText(getObjectDraft())}>
              {t('editor.applyObject')}
            </button>
            <button
              className="btn small"
              onClick={() => setSession({ editorTab: 'scenario', selectedYaml: undefined })}
            >
              {t('editor.close')}
            </button>
          </>
        )}
      </div>
      <div className="editor-body">
        <Suspense fallback={<div className="editor-loading">{t('editor.loading')}</div>}>
          <MonacoView />
        </Suspense>
      </div>
      <MessagePanel />
    </section>
  );
}
