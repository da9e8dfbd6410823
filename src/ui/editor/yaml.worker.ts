// Entry of monaco-yaml's language worker (bundled locally by Vite).
import 'monaco-yaml/yaml.worker';
