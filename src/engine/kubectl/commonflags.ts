/** Flag groups several commands share (cli-runtime PrintFlags, FilenameOptions, DeleteFlags...). */
import type { FlagSpecs } from './flags';

export const OUTPUT_FLAGS: FlagSpecs = {
  output: { type: 'string', short: 'o' },
  template: { type: 'string' },
  'show-managed-fields': { type: 'bool' },
  'allow-missing-template-keys': { type: 'bool', default: true },
};

export const FILENAME_FLAGS: FlagSpecs = {
  filename: { type: 'strings', short: 'f' },
  recursive: { type: 'bool', short: 'R' },
  kustomize: { type: 'string', short: 'k' },
};

export const SELECTOR_FLAGS: FlagSpecs = {
  selector: { type: 'string', short: 'l' },
};

export const DRY_RUN_FLAGS: FlagSpecs = {
  'dry-run': { type: 'string', default: 'none', noOptDefault: 'unchanged' },
};

export const FIELD_MANAGER: FlagSpecs = {
  'field-manager': { type: 'string' },
  validate: { type: 'string', default: 'strict', noOptDefault: 'strict' },
  record: { type: 'bool' },
  'save-config': { type: 'bool' },
};

export type DryRun = 'none' | 'client' | 'server';

/** `--dry-run`, `--dry-run=client|server|none`; a bare flag means client (deprecated form). */
export function dryRunOf(v: string): DryRun {
  if (v === 'unchanged' || v === 'true' || v === 'client') return 'client';
  if (v === 'server') return 'server';
  if (v === 'none' || v === '' || v === 'false') return 'none';
  throw new Error(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}
