/**
 * A stand-in for kubelet/http.ts podHttp in tests (vi.mock): a running pod answers on its
 * declared container ports with `Hello from <pod>`; annotations make it misbehave.
 */
import type { KObject } from '../api/types';
import type { HttpResult } from '../kubelet/http';

export const FAKE_HTTP_ANNOTATION = 'test.kubeplay.dev/http';

export function fakePodHttp(_sim: unknown, pod: KObject, port: number, path: string): HttpResult {
  const mode = pod.metadata.annotations?.[FAKE_HTTP_ANNOTATION];
  if (mode === 'timeout') return { kind: 'timeout' };
  if (mode === 'empty') return { kind: 'response', status: 0, body: '', container: 'app' };
  if (pod.status?.phase !== 'Running') return { kind: 'refused' };
  const c = (pod.spec?.containers ?? []).find((x: KObject) =>
    (x.ports ?? []).some((p: KObject) => p.containerPort === port),
  );
  if (!c) return { kind: 'refused' };
  if (path.startsWith('/missing'))
    return { kind: 'response', status: 404, body: 'not found\n', container: c.name };
  return {
    kind: 'response',
    status: 200,
    body: `Hello from ${pod.metadata.name}${path === '/' ? '' : ` ${path}`}\n`,
    container: c.name,
  };
}
