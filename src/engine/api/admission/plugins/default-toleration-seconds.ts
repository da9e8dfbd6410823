/**
 * DefaultTolerationSeconds (`k/k:plugin/pkg/admission/defaulttolerationseconds/admission.go`):
 * every pod tolerates the not-ready and unreachable NoExecute taints for
 * `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds` (300 s),
 * unless it already tolerates them.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { KObject } from '../../types';

/** `v1.TaintNodeNotReady`, `v1.TaintNodeUnreachable`. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';

function tolerates(tolerations: any[], key: string): boolean {
  return tolerations.some(
    (t) => (t?.key === key || !t?.key) && (t?.effect === 'NoExecute' || !t?.effect),
  );
}

export function defaultTolerationSeconds(pod: KObject, seconds: number): void {
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object') return;
  const tolerations: any[] = Array.isArray(spec.tolerations) ? spec.tolerations : [];
  const add: any[] = [];
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    if (!tolerates(tolerations, key))
      add.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: seconds });
  }
  if (add.length > 0) spec.tolerations = [...tolerations, ...add];
}
