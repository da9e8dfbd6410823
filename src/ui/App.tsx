/**
 * The app shell: header, editor | graph split, control-plane view, help overlay, toasts. In embed
 * mode (`?embed`, for slides) the editor is left out: graph and controls only.
 */
import { useEffect } from 'react';
import { Header } from './Header';
import { SplitPane } from './SplitPane';
import { EditorPanel } from './editor/EditorPanel';
import { Graph } from './graph/Graph';
import { ControlPlane } from './controlplane/ControlPlane';
import { EventList } from './EventList';
import { HelpOverlay } from './HelpOverlay';
import { useShortcuts } from './shortcuts';
import { useStore } from './store';
import { EMBED, sim, startSimulation } from './bridge';
import { Toast } from './Toast';
import { Tooltip } from './Tooltip';

export function App() {
  const theme = useStore((s) => s.theme);
  const lang = useStore((s) => s.lang);
  const selected = useStore((s) => s.selected);
  useShortcuts();

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.lang = lang;
  }, [theme, lang]);

  useEffect(() => {
    startSimulation();
    return () => sim.dispose();
  }, []);

  // Selecting an object fetches its live YAML into the editor's object tab.
  useEffect(() => {
    if (!selected) return;
    let stale = false;
    void sim.yaml(selected).then((text) => {
      if (!stale && text)
        useStore
          .getState()
          .setSession({ selectedYaml: { uid: selected, text }, editorTab: 'object' });
    });
    return () => {
      stale = true;
    };
  }, [selected]);

  const graph = (
    <div className="graph-column">
      <Graph />
      {!EMBED && (
        <div className="lower-panels">
          <ControlPlane />
          <EventList />
        </div>
      )}
    </div>
  );
  return (
    <div className={`app${EMBED ? ' embed' : ''}`}>
      <Header />
      <main className="main">
        {EMBED ? graph : <SplitPane left={<EditorPanel />} right={graph} />}
      </main>
      <HelpOverlay />
      <Toast />
      <Tooltip />
    </div>
  );
}
