/**
 * One zustand store made of slices. Components select exactly what they draw (an object by uid,
 * the clock, the structure) with narrow selectors; nothing subscribes to "all pods".
 */
import { create } from 'zustand';
import type { Batch } from '../../worker/protocol';
import { applyBatch, initialCluster, type ClusterState } from './cluster';
import {
  addMessage,
  initialSession,
  type MessageAction,
  type MessageKind,
  type SessionState,
} from './session';
import { loadPrefs, savePrefs, type PrefsState } from './prefs';

export interface Actions {
  applyBatch(b: Batch): void;
  setSession(p: Partial<SessionState>): void;
  message(kind: MessageKind, text: string, action?: MessageAction): void;
  requestFit(): void;
  /** Shows a toast for TOAST_MS. */
  showToast(text: string): void;
  clearMessages(): void;
  setPrefs(p: Partial<PrefsState>): void;
  select(uid: string | undefined): void;
}

/** How long a toast stays up (long enough to read two short sentences). */
export const TOAST_MS = 4000;
let toasts = 0;

export type AppState = ClusterState & SessionState & PrefsState & Actions;

export const useStore = create<AppState>()((set, get) => ({
  ...initialCluster,
  ...initialSession,
  ...loadPrefs(),
  applyBatch: (b) => set((s) => applyBatch(s, b)),
  setSession: (p) => set(p),
  message: (kind, text, action) =>
    set((s) => ({ messages: addMessage(s.messages, kind, text, action) })),
  requestFit: () => set((s) => ({ fitRequests: s.fitRequests + 1 })),
  showToast: (text) => {
    const id = ++toasts;
    set({ toast: { id, text } });
    setTimeout(() => {
      if (get().toast?.id === id) set({ toast: undefined });
    }, TOAST_MS);
  },
  clearMessages: () => set({ messages: [] }),
  setPrefs: (p) => {
    set(p);
    const s = get();
    savePrefs({
      theme: s.theme,
      lang: s.lang,
      hiddenNamespaces: s.hiddenNamespaces,
      split: s.split,
      helpOpen: s.helpOpen,
      hintDismissed: s.hintDismissed,
    });
  },
  select: (uid) =>
    set({ selected: uid, ...(uid === undefined ? { selectedYaml: undefined } : {}) }),
}));

/** The status of one object (re-renders only when that object changes). */
export function useObject(uid: string | undefined) {
  return useStore((s) => (uid ? s.objects[uid] : undefined));
}
