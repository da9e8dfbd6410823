/**
 * A button that opens a small panel below it (namespace filter, share link, scenario steps).
 * Escape or a click outside closes it and gives the focus back to the button.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export function Popover({
  label,
  button,
  className = '',
  buttonClass = 'btn',
  align = 'left',
  tip,
  children,
  onOpen,
  testId,
}: {
  /** Accessible name of the button (and of the panel). */
  label: string;
  button: ReactNode;
  className?: string;
  buttonClass?: string;
  align?: 'left' | 'right' | 'center';
  /** Tooltip text (with a shortcut, if any). */
  tip?: string;
  children: ReactNode | ((close: () => void) => ReactNode);
  onOpen?: () => void;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const btn = useRef<HTMLButtonElement>(null);
  const id = useId();
  const close = (focus = true) => {
    setOpen(false);
    if (focus) btn.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.stopPropagation();
        setOpen(false);
        btn.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);
  return (
    <div className={`popover-root ${className}`} ref={root}>
      <button
        ref={btn}
        className={buttonClass}
        aria-label={label}
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        data-tip={open ? undefined : tip}
        data-testid={testId}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        {button}
      </button>
      {open && (
        <div id={id} className={`popover align-${align}`} role="dialog" aria-label={label}>
          {typeof children === 'function' ? children(() => close()) : children}
        </div>
      )}
    </div>
  );
}
