/**
 * The Monaco editor (lazy chunk). Shows the scenario model or the selected object's YAML; keeps the
 * scenario text in `text.ts` (autosaved), mirrors markers into the store for the message panel,
 * and applies on Ctrl/Cmd+Enter.
 */
import { useEffect, useRef, useState } from 'react';
import { monaco, setupMonaco } from './monaco';
import { getText, onExternalText, setObjectDraft, setText } from './text';
import { useStore } from '../store';
import { applyText } from '../bridge';
import type { EditorMarker } from '../store/session';

const SCENARIO_URI = monaco.Uri.parse('file:///scenario.yaml');
const OBJECT_URI = monaco.Uri.parse('file:///object.yaml');
let objectListener: monaco.IDisposable | undefined;

function severity(s: monaco.MarkerSeverity): EditorMarker['severity'] {
  return s === monaco.MarkerSeverity.Error
    ? 'error'
    : s === monaco.MarkerSeverity.Warning
      ? 'warning'
      : 'info';
}

function model(uri: monaco.Uri, value: string): monaco.editor.ITextModel {
  const m = monaco.editor.getModel(uri);
  if (m) return m;
  return monaco.editor.createModel(value, 'yaml', uri);
}

export default function MonacoView() {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const theme = useStore((s) => s.theme);
  const tab = useStore((s) => s.editorTab);
  const objectYaml = useStore((s) => s.selectedYaml);
  const scenarioErrors = useStore((s) => s.scenarioErrors);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    const disposables: monaco.IDisposable[] = [];
    void setupMonaco().then(() => {
      if (disposed || !host.current) return;
      const scenario = model(SCENARIO_URI, getText());
      const editor = monaco.editor.create(host.current, {
        model: scenario,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 13,
        scrollBeyondLastLine: false,
        tabSize: 2,
        renderWhitespace: 'none',
        fixedOverflowWidgets: true,
        ariaLabel: 'YAML',
        theme: useStore.getState().theme === 'dark' ? 'vs-dark' : 'vs',
      });
      editorRef.current = editor;
      setReady(true);
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () =>
        applyText(editor.getValue()),
      );
      disposables.push(
        editor,
        scenario.onDidChangeContent(() => setText(scenario.getValue())),
        monaco.editor.onDidChangeMarkers((uris) => {
          if (!uris.some((u) => u.toString() === SCENARIO_URI.toString())) return;
          const markers = monaco.editor
            .getModelMarkers({ resource: SCENARIO_URI })
            .map((m): EditorMarker => ({
              line: m.startLineNumber,
              column: m.startColumn,
              message: m.message,
              severity: severity(m.severity),
            }))
            .sort((a, b) => a.line - b.line || a.column - b.column);
          useStore.getState().setSession({ markers });
        }),
      );
      const off = onExternalText((t) => {
        if (scenario.getValue() !== t) scenario.setValue(t);
      });
      disposables.push({ dispose: off });
    });
    return () => {
      disposed = true;
      for (const d of disposables) d.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'dark' ? 'vs-dark' : 'vs');
  }, [theme]);

  // Scenario header errors found by parseScenario (Load/Apply) become markers on their lines.
  useEffect(() => {
    const m = monaco.editor.getModel(SCENARIO_URI);
    if (!m) return;
    monaco.editor.setModelMarkers(
      m,
      'kubeplay',
      scenarioErrors.map((e) => {
        const line = Math.min(Math.max(1, e.line), m.getLineCount());
        return {
          startLineNumber: line,
          endLineNumber: line,
          startColumn: 1,
          endColumn: m.getLineMaxColumn(line),
          message: e.message,
          severity: monaco.MarkerSeverity.Error,
        };
      }),
    );
  }, [scenarioErrors, ready]);

  useEffect(() => {
    const editor = editorRef.current;
    if (!editor) return;
    if (tab === 'object' && objectYaml) {
      const m = model(OBJECT_URI, objectYaml.text);
      if (m.getValue() !== objectYaml.text) m.setValue(objectYaml.text);
      setObjectDraft(objectYaml.text);
      if (!objectListener)
        objectListener = m.onDidChangeContent(() => setObjectDraft(m.getValue()));
      editor.setModel(m);
    } else {
      editor.setModel(model(SCENARIO_URI, getText()));
    }
  }, [tab, objectYaml, ready]);

  return <div ref={host} className="monaco-host" data-testid="monaco-host" />;
}
