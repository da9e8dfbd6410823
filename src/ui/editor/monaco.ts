/**
 * Monaco, loaded lazily: the editor API, the editor features we use and the YAML language with
 * monaco-yaml's schema validation. Never `import * as monaco from 'monaco-editor'` (that ships
 * every language and ~9 MB of workers). Everything is bundled locally: no CDN.
 */
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu';
import 'monaco-editor/esm/vs/editor/contrib/codeAction/browser/codeActionContributions';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution';
import { configureMonacoYaml } from 'monaco-yaml';
import scenarioSchema from '../../scenario/schema.json';
import { buildRootSchema, ROOT_SCHEMA_URI, type KindSchema } from './schema';

export { monaco };

declare global {
  interface Window {
    MonacoEnvironment?: monaco.Environment;
  }
}

window.MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    if (label === 'yaml')
      return new Worker(new URL('./yaml.worker.ts', import.meta.url), {
        type: 'module',
        name: 'yaml',
      });
    return new Worker(new URL('./editor.worker.ts', import.meta.url), {
      type: 'module',
      name: 'editor',
    });
  },
};

/** The Kubernetes JSON schemas per kind (src/engine/api/jsonschema.ts), if that module exists in this build. */
async function kindSchemas(): Promise<KindSchema[]> {
  const mods = import.meta.glob<{ allJsonSchemas?: () => KindSchema[] }>(
    '../../engine/api/jsonschema.ts',
  );
  const load = Object.values(mods)[0];
  if (!load) return [];
  try {
    return (await load()).allJsonSchemas?.() ?? [];
  } catch {
    return [];
  }
}

let configured: Promise<typeof monaco> | undefined;

/** Configures YAML validation once (the Scenario header schema plus every Kubernetes kind). */
export function setupMonaco(): Promise<typeof monaco> {
  configured ??= kindSchemas().then((kinds) => {
    configureMonacoYaml(monaco, {
      enableSchemaRequest: false,
      hover: true,
      completion: true,
      validate: true,
      schemas: [
        {
          uri: ROOT_SCHEMA_URI,
          fileMatch: ['*'],
          schema: buildRootSchema(kinds, scenarioSchema as Record<string, unknown>),
        },
      ],
    });
    return monaco;
  });
  return configured;
}
