/**
 * The control plane at work: kube-apiserver and etcd in the middle, the scheduler and the
 * controller-manager above, each node's kubelet and kube-proxy below. A box flashes and its line
 * to the apiserver animates whenever that component processed work or the store was written.
 */
import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from '../i18n';
import { activeBoxes } from './activity';

const W = 150;
const H = 34;

interface BoxDef {
  id: string;
  label: string;
  x: number;
  y: number;
}

export const ControlPlane = memo(function ControlPlane() {
  const t = useT();
  const activity = useStore((s) => s.activity);
  const nodes = useStore(useShallow((s) => s.scenario?.nodes ?? []));
  const next = useStore((s) => s.timers.next[0]);
  const pending = useStore((s) => s.timers.count);
  const now = useStore((s) => s.clock.now);
  const active = activeBoxes(activity.components, activity.writes, nodes);

  const cols = Math.max(2, nodes.length);
  const width = Math.max(4 * (W + 20), cols * (W + 20));
  const cx = width / 2;
  const top: BoxDef[] = [
    { id: 'scheduler', label: t('cp.scheduler'), x: cx - W - 40, y: 8 },
    { id: 'controllers', label: t('cp.controllers'), x: cx + 40, y: 8 },
  ];
  const api: BoxDef = { id: 'apiserver', label: t('cp.apiserver'), x: cx - W / 2, y: 70 };
  const etcd: BoxDef = { id: 'etcd', label: t('cp.etcd'), x: cx + W / 2 + 60, y: 70 };
  const step = width / cols;
  const bottom: BoxDef[] = nodes.flatMap((n, i) => [
    {
      id: `kubelet:${n}`,
      label: `${t('cp.kubelet')} · ${n}`,
      x: i * step + (step - W) / 2,
      y: 132,
    },
    {
      id: `proxy:${n}`,
      label: `${t('cp.proxy')} · ${n}`,
      x: i * step + (step - W) / 2,
      y: 132 + H + 8,
    },
  ]);
  const height = 132 + 2 * H + 16;
  const all = [...top, api, etcd, ...bottom];
  const line = (b: BoxDef) => {
    const from = { x: b.x + W / 2, y: b.y < api.y ? b.y + H : b.y };
    const to =
      b.id === 'etcd'
        ? { x: api.x + W, y: api.y + H / 2 }
        : { x: api.x + W / 2, y: b.y < api.y ? api.y : api.y + H };
    const fromE = b.id === 'etcd' ? { x: b.x, y: b.y + H / 2 } : from;
    return (
      <line
        key={`l-${b.id}-${active.has(b.id) ? activity.seq : 0}`}
        x1={fromE.x}
        y1={fromE.y}
        x2={to.x}
        y2={to.y}
        className={`cp-line${active.has(b.id) ? ' active' : ''}`}
      />
    );
  };

  return (
    <section className="controlplane" aria-label={t('cp.title')}>
      <h2>{t('cp.title')}</h2>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={t('cp.title')}
        preserveAspectRatio="xMidYMin meet"
      >
        {all.filter((b) => b.id !== 'apiserver').map(line)}
        {all.map((b) => (
          <g
            key={`${b.id}-${active.has(b.id) ? activity.seq : 0}`}
            className={`cp-box${active.has(b.id) ? ' active' : ''}`}
            data-box={b.id}
          >
            <rect x={b.x} y={b.y} width={W} height={H} rx={6} />
            <text x={b.x + W / 2} y={b.y + H / 2 + 4} textAnchor="middle">
              {b.label}
            </text>
          </g>
        ))}
      </svg>
      <p className="cp-next muted">
        {next
          ? t('cp.next', {
              what: `${next.component} ${next.action} (+${Math.max(0, (next.at - now) / 1000).toFixed(1)}s)`,
            })
          : ''}
        {' · '}
        {t('cp.pending', { n: pending })}
      </p>
    </section>
  );
});
