/**
 * The scenario text the user is editing, owned outside Monaco so the header's Apply works before
 * the editor has loaded, and saved to localStorage on every change (never lose work).
 */
import { DEFAULT_SCENARIO } from '../../scenario/default';

export const AUTOSAVE_KEY = 'kubeplay.editor.v1';
/** Saves at most this often while typing; pagehide flushes the rest. */
export const AUTOSAVE_DEBOUNCE_MS = 300;

let text = restore();
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<(t: string) => void>();

function restore(): string {
  try {
    const saved = typeof localStorage !== 'undefined' ? localStorage.getItem(AUTOSAVE_KEY) : null;
    if (saved !== null && saved.trim() !== '') return saved;
  } catch {
    // Storage disabled: start from the default scenario.
  }
  return DEFAULT_SCENARIO;
}

function save(): void {
  timer = undefined;
  try {
    localStorage.setItem(AUTOSAVE_KEY, text);
  } catch {
    // Storage full or disabled: the text stays in memory.
  }
}

export function getText(): string {
  return text;
}

/** Sets the text (from Monaco's onChange or a Load); `notify` tells an open editor to show it. */
export function setText(next: string, notify = false): void {
  text = next;
  if (timer === undefined) timer = setTimeout(save, AUTOSAVE_DEBOUNCE_MS);
  if (notify) for (const l of listeners) l(next);
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

if (typeof addEventListener === 'function') addEventListener('pagehide', flushText);

let objectDraft = '';

/** The edited YAML of the selected object (the editor's object tab). */
export function getObjectDraft(): string {
  return objectDraft;
}

export function setObjectDraft(t: string): void {
  objectDraft = t;
}
