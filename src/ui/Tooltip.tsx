/**
 * One tooltip for the whole app: any element with `data-tip` shows it on hover (after a short
 * delay) and at once on keyboard focus, placed below the element and kept inside the window. It is
 * a separate element, not CSS generated content, so it never becomes part of a control's
 * accessible name; controls carry their own aria-label and aria-keyshortcuts.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { createPortal } from 'react-dom';

/** Hover delay before a tooltip shows (keyboard focus shows it at once). */
const HOVER_DELAY_MS = 400;
/** Gap between the element and its tooltip, and the least distance to the window's edge. */
const GAP = 6;
const EDGE = 8;

interface Tip {
  text: string;
  x: number;
  y: number;
  above: boolean;
}

function place(el: Element, text: string): Tip {
  const r = el.getBoundingClientRect();
  const below = r.bottom + GAP + 40 < window.innerHeight;
  return { text, x: r.left + r.width / 2, y: below ? r.bottom + GAP : r.top - GAP, above: !below };
}

export function Tooltip() {
  const [tip, setTip] = useState<Tip | undefined>();
  const [el, setEl] = useState<HTMLDivElement | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let current: Element | null = null;
    const show = (target: EventTarget | null, delay: number) => {
      const t = (target as Element | null)?.closest?.('[data-tip]') ?? null;
      if (t === current) return;
      current = t;
      clearTimeout(timer);
      setTip(undefined);
      if (!t) return;
      timer = setTimeout(() => {
        const text = t.getAttribute('data-tip');
        if (text && t.isConnected) setTip(place(t, text));
      }, delay);
    };
    const over = (e: PointerEvent) => show(e.target, HOVER_DELAY_MS);
    const focus = (e: FocusEvent) =>
      (e.target as Element).matches?.(':focus-visible') ? show(e.target, 0) : show(null, 0);
    const hide = () => show(null, 0);
    const esc = (e: KeyboardEvent) => {
      if (e.key === 'Escape') hide();
    };
    document.addEventListener('pointerover', over);
    document.addEventListener('focusin', focus);
    document.addEventListener('focusout', hide);
    document.addEventListener('pointerdown', hide);
    document.addEventListener('keydown', esc);
    window.addEventListener('scroll', hide, true);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerover', over);
      document.removeEventListener('focusin', focus);
      document.removeEventListener('focusout', hide);
      document.removeEventListener('pointerdown', hide);
      document.removeEventListener('keydown', esc);
      window.removeEventListener('scroll', hide, true);
    };
  }, []);
  // Keep the tooltip inside the window once its width is known (before it is painted).
  useLayoutEffect(() => {
    if (!el || !tip) return;
    const w = el.offsetWidth;
    const left = Math.min(Math.max(EDGE, tip.x - w / 2), window.innerWidth - EDGE - w);
    el.style.left = `${left}px`;
  }, [el, tip]);
  if (!tip) return null;
  return createPortal(
    <div
      ref={setEl}
      className={`tooltip${tip.above ? ' above' : ''}`}
      role="tooltip"
      style={{ left: tip.x, top: tip.y }}
    >
      {tip.text}
    </div>,
    document.body,
  );
}
