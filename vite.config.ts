import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// `base: './'` makes the static build work under any sub-path (a course site, a slide deck folder).
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
  },
  optimizeDeps: {
    include: ['monaco-editor/esm/vs/editor/editor.api', 'monaco-yaml'],
  },
});
