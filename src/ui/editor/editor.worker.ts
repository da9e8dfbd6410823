// Entry of Monaco's base editor worker (bundled locally by Vite).
import 'monaco-editor/esm/vs/editor/editor.worker';
