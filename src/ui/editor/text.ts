/**
 * The scenario text the user is editing, owned outside Monaco so the header's Apply works before
 * the editor has loaded, and saved to localStorage on every change (never lose work).
 *
 * A scenario opened from a link (or the default shown after a broken link) is "borrowed": it is not
 * saved, so the user's own saved text survives opening any link. The first edit makes it theirs;
 * the text saved before is then kept under BACKUP_KEY, and `recoverableText()` offers it back.
 */
import { DEFAULT_SCENARIO } from '../../scenario/default';

export const AUTOSAVE_KEY = 'kubeplay.editor.v1';
export const BACKUP_KEY = 'kubeplay.editor.backup.v1';
/** Saves at most this often while typing; pagehide flushes the rest. */
export const AUTOSAVE_DEBOUNCE_MS = 300;

let text = restore();
let timer: ReturnType<typeof setTimeout> | undefined;
let borrowed = false;
const listeners = new Set<(t: string) => void>();
const editListeners = new Set<() => void>();

/** localStorage where there is one (typed without the DOM library: this module is tested in Node). */
interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}
const storage = () => (globalThis as { localStorage?: KeyValueStore }).localStorage;

function read(key: string): string | undefined {
  try {
    const v = storage()?.getItem(key) ?? null;
    return v !== null && v.trim() !== '' ? v : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: string): void {
  try {
    storage()?.setItem(key, value);
  } catch {
    // Storage full or disabled: the text stays in memory.
  }
}

function restore(): string {
  return read(AUTOSAVE_KEY) ?? DEFAULT_SCENARIO;
}

function save(): void {
  timer = undefined;
  write(AUTOSAVE_KEY, text);
}

export function getText(): string {
  return text;
}

/** Sets the text (from Monaco's onChange or a Load); `notify` tells an open editor to show it. */
export function setText(next: string, notify = false): void {
  if (next === text && !notify) return; // the editor echoing a text it was given
  if (borrowed) {
    // The first edit of a borrowed text: keep what was saved before, then save as usual.
    const before = read(AUTOSAVE_KEY);
    if (before !== undefined) write(BACKUP_KEY, before);
    borrowed = false;
  }
  text = next;
  if (timer === undefined) timer = setTimeout(save, AUTOSAVE_DEBOUNCE_MS);
  if (notify) for (const l of listeners) l(next);
  else for (const l of editListeners) l();
}

/** Shows a text that is not the user's (a link's scenario): nothing is saved until they edit it. */
export function borrowText(next: string): void {
  text = next;
  borrowed = true;
  for (const l of listeners) l(next);
}

export function isBorrowed(): boolean {
  return borrowed;
}

/** The user's own text that a borrowed text (or the edit of one) displaced, if any. */
export function recoverableText(): string | undefined {
  const t = borrowed ? read(AUTOSAVE_KEY) : read(BACKUP_KEY);
  return t !== undefined && t !== text ? t : undefined;
}

/** Called when the user edits the scenario text (not when a load replaces it). */
export function onEdit(l: () => void): () => void {
  editListeners.add(l);
  return () => editListeners.delete(l);
}

export function onExternalText(l: (t: string) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function flushText(): void {
  if (timer !== undefined) {
    clearTimeout(timer);
    save();
  }
}

(globalThis as { addEventListener?: (type: string, fn: () => void) => void }).addEventListener?.(
  'pagehide',
  flushText,
);

let objectDraft = '';

/** The edited YAML of the selected object (the editor's object tab). */
export function getObjectDraft(): string {
  return objectDraft;
}

export function setObjectDraft(t: string): void {
  objectDraft = t;
}
