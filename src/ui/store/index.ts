/**
 * One zustand store made of slices. Components select exactly what they draw (an object by uid,
 * the clock, the structure) with narrow selectors; nothing subscribes to "all pods".
 */
import { create } from 'zustand';
import type { Batch } from '../../worker/protocol';
import { applyBatch, initialCluster, type ClusterState } from './cluster';
import { addMessage, initialSession, type MessageKind, type SessionState } from './session';
import { loadPrefs, savePrefs, type PrefsState } from './prefs';

export interface Actions {
  applyBatch(b: Batch): void;
  setSession(p: Partial<SessionState>): void;
  message(kind: MessageKind, text: string): void;
  clearMessages(): void;
  setPrefs(p: Partial<PrefsState>): void;
  select(uid: string | undefined): void;
}

export type AppState = ClusterState & SessionState & PrefsState & Actions;

export const useStore = create<AppState>()((set, get) => ({
  ...initialCluster,
  ...initialSession,
  ...loadPrefs(),
  applyBatch: (b) => set((s) => applyBatch(s, b)),
  setSession: (p) => set(p),
  message: (kind, text) => set((s) => ({ messages: addMessage(s.messages, kind, text) })),
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
    });
  },
  select: (uid) =>
    set({ selected: uid, ...(uid === undefined ? { selectedYaml: undefined } : {}) }),
}));

/** The status of one object (re-renders only when that object changes). */
export function useObject(uid: string | undefined) {
  return useStore((s) => (uid ? s.objects[uid] : undefined));
}
