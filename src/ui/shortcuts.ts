/**
 * Global keyboard shortcuts: Space play/pause, `.` step, `,` step back, `-`/`+` slower/faster,
 * `I` run until idle, `F` fit the graph, Ctrl/Cmd+Enter apply, `?` help. Keys typed into the
 * editor or a form field are left alone (Monaco handles its own Ctrl+Enter). The help overlay
 * lists SHORTCUTS, so the two cannot drift apart.
 */
import { useEffect } from 'react';
import { applyEditor, sim } from './bridge';
import { useStore } from './store';
import { nextSpeed } from './keys';

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  if (el.closest?.('.monaco-editor')) return true;
  const tag = el.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || el.isContentEditable;
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
        if (typing(e.target)) return;
        e.preventDefault();
        applyEditor();
        return;
      }
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const st = useStore.getState();
      switch (e.key) {
        case ' ':
          if ((e.target as HTMLElement | null)?.tagName === 'BUTTON') return;
          e.preventDefault();
          sim.togglePlay();
          break;
        case '.':
          sim.step();
          break;
        case ',':
          sim.back();
          break;
        case '+':
        case '=':
          sim.setSpeed(nextSpeed(st.clock.speed, 1));
          break;
        case '-':
          sim.setSpeed(nextSpeed(st.clock.speed, -1));
          break;
        case 'i':
        case 'I':
          sim.runUntilIdle();
          break;
        case 'f':
        case 'F':
          st.requestFit();
          break;
        case '?':
          st.setPrefs({ helpOpen: !st.helpOpen });
          break;
        case 'Escape':
          if (st.helpOpen) st.setPrefs({ helpOpen: false });
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
