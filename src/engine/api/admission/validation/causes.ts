/** Field errors whose value is already rendered in Go syntax (structs, IntOrString). */
import type { FieldCause } from '../../errors';

export const invalidRendered = (field: string, rendered: string, detail: string): FieldCause => ({
  reason: 'FieldValueInvalid',
  field,
  message: `Invalid value: ${rendered}: ${detail}`,
});

/** `ValidateImmutableField` with the value rendered by the caller. */
export const immutable = (field: string, rendered: string): FieldCause =>
  invalidRendered(field, rendered, 'field is immutable');
