/**
 * Many pods as one canvas per node: a dot per pod, grouped by owner, coloured by status. Used
 * above DOT_LAYER_THRESHOLD pods, where a graph node per pod would be too slow.
 */
import { memo, useEffect, useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../store';
import { DOT_PITCH, DOTS_PER_ROW } from '../model/layout';
import { useT } from '../../i18n';

const TONE_VAR: Record<string, string> = {
  ok: '--ok',
  progress: '--progress',
  warn: '--warn',
  error: '--error',
  done: '--done',
  idle: '--idle',
};

export const DotLayer = memo(function DotLayer({ pods }: { pods: string[] }) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  // "owner|tone" per pod: re-renders only when some pod of this node changes tone or owner.
  const keys = useStore(
    useShallow((s) =>
      pods.map((uid) => `${s.objects[uid]?.ownerUid ?? ''}|${s.objects[uid]?.tone ?? 'idle'}`),
    ),
  );
  const theme = useStore((s) => s.theme);
  const rows = Math.max(1, Math.ceil(pods.length / DOTS_PER_ROW));

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx) return;
    const style = getComputedStyle(c);
    const sorted = [...keys].sort();
    ctx.clearRect(0, 0, c.width, c.height);
    sorted.forEach((k, i) => {
      const tone = k.slice(k.lastIndexOf('|') + 1);
      ctx.fillStyle = style.getPropertyValue(TONE_VAR[tone] ?? '--idle').trim() || '#888';
      ctx.beginPath();
      ctx.arc(
        (i % DOTS_PER_ROW) * DOT_PITCH + DOT_PITCH / 2,
        Math.floor(i / DOTS_PER_ROW) * DOT_PITCH + DOT_PITCH / 2,
        DOT_PITCH / 2 - 2,
        0,
        Math.PI * 2,
      );
      ctx.fill();
    });
  }, [keys, theme]);

  return (
    <canvas
      ref={canvas}
      className="dot-layer"
      width={DOTS_PER_ROW * DOT_PITCH}
      height={rows * DOT_PITCH}
      aria-label={t('graph.pods', { n: pods.length })}
      role="img"
    />
  );
});
