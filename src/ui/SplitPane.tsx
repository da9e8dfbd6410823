/** A resizable two-pane split (pointer drag or arrow keys on the separator). */
import { useRef, type ReactNode } from 'react';
import { useStore } from './store';
import { MAX_SPLIT, MIN_SPLIT } from './store/prefs';
import { useT } from './i18n';

/** Arrow keys move the separator by this fraction of the width. */
const KEY_STEP = 0.02;

export function SplitPane({ left, right }: { left: ReactNode; right: ReactNode }) {
  const t = useT();
  const split = useStore((s) => s.split);
  const setPrefs = useStore((s) => s.setPrefs);
  const box = useRef<HTMLDivElement>(null);
  const clamp = (v: number) => Math.min(MAX_SPLIT, Math.max(MIN_SPLIT, v));

  const onPointerDown = (e: React.PointerEvent<HTMLDivElement>) => {
    const el = box.current;
    if (!el) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const rect = el.getBoundingClientRect();
    const move = (ev: PointerEvent) =>
      setPrefs({ split: clamp((ev.clientX - rect.left) / rect.width) });
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  return (
    <div className="split" ref={box} style={{ gridTemplateColumns: `${split * 100}% 6px 1fr` }}>
      <div className="pane">{left}</div>
      <div
        className="separator"
        role="separator"
        aria-orientation="vertical"
        aria-label={t('split.label')}
        aria-valuemin={MIN_SPLIT * 100}
        aria-valuemax={MAX_SPLIT * 100}
        aria-valuenow={Math.round(split * 100)}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={(e) => {
          if (e.key === 'ArrowLeft') setPrefs({ split: clamp(split - KEY_STEP) });
          if (e.key === 'ArrowRight') setPrefs({ split: clamp(split + KEY_STEP) });
        }}
      />
      <div className="pane">{right}</div>
    </div>
  );
}
