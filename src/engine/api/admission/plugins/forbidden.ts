/**
 * `admission.NewForbidden`: `pods "web" is forbidden: <reason>` (`errors.NewForbidden` in
 * apimachinery `pkg/api/errors/errors.go`).
 */
import { ApiError } from '../../errors';
import { qualifiedResource } from '../../registry';
import type { KObject } from '../../types';

export function forbidden(obj: KObject, reason: string): ApiError {
  const resource = qualifiedResource(obj.kind);
  const name = obj.metadata?.name;
  const message = name
    ? `${resource} "${name}" is forbidden: ${reason}`
    : `${resource} is forbidden: ${reason}`;
  return new ApiError('Forbidden', message, { kind: resource, name });
}
