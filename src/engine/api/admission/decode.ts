/**
 * Strict decoding, the first thing kube-apiserver does with a create or update body: unknown
 * fields and type errors are a 400 BadRequest worded by `transformDecodeError`
 * (`kubernetes/apiserver:pkg/endpoints/handlers/rest.go`):
 * `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"`.
 */
import { ApiError } from '../errors';
import { resourceForKind } from '../registry';
import { decodeErrorMessage, decodeObject } from '../schema';
import type { KObject } from '../types';

export function strictDecode(obj: KObject): void {
  const res = resourceForKind(obj.kind);
  if (!res) return;
  const errors = decodeObject(obj, res);
  if (errors.length === 0) return;
  const version =
    typeof obj.apiVersion === 'string' && obj.apiVersion
      ? obj.apiVersion.split('/').pop()
      : res.version;
  throw new ApiError(
    'BadRequest',
    `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: ${decodeErrorMessage(errors)}`,
    {
      kind: obj.kind,
      name: obj.metadata?.name,
    },
  );
}
