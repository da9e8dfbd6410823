/**
 * A cluster node: name, role, taints, Ready/NotReady and cordon badges, compact capacity bars
 * (requested CPU and memory against allocatable, pod count against maxPods). Pods are its children
 * in the graph, or, above the dot-layer threshold, dots drawn on one canvas. The control-plane
 * node is drawn apart (tinted, with its NoSchedule taint), as user pods do not land there.
 */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import { useObject, useStore } from '../../store';
import { useT } from '../../i18n';
import { cpuText, memText, percent } from '../../format';
import type { GraphNodeData } from '../flow';
import { DotLayer } from './DotLayer';

function Bar({
  label,
  used,
  total,
  text,
  name,
}: {
  label: string;
  used: number;
  total: number;
  text: string;
  /** Accessible name of the meter. */
  name: string;
}) {
  const p = percent(used, total);
  return (
    <div className="bar" title={`${label}: ${text}`}>
      <span className="bar-label">{label}</span>
      <span
        className="bar-track"
        role="meter"
        aria-label={name}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p}
        aria-valuetext={text}
      >
        <span className={`bar-fill${p >= 90 ? ' high' : ''}`} style={{ width: `${p}%` }} />
      </span>
      <span className="bar-text">{p}%</span>
    </div>
  );
}

export const NodeBox = memo(function NodeBox({ data }: NodeProps & { data: GraphNodeData }) {
  const t = useT();
  const node = useObject(data.uid);
  const isSelected = useStore((s) => s.selected === data.uid);
  const select = useStore((s) => s.select);
  if (!node?.node) return null;
  const n = node.node;
  const status = n.ready ? 'Ready' : 'NotReady';
  const noSchedule = n.taints.filter((x) => x.endsWith(':NoSchedule') || x.endsWith(':NoExecute'));
  const cls = [
    'k8s-node',
    n.controlPlane ? 'control-plane' : '',
    n.ready ? '' : 'not-ready',
    n.unschedulable ? 'cordoned' : '',
    isSelected ? 'selected' : '',
  ].join(' ');
  return (
    <div className={cls} data-testid={`node-${node.name}`}>
      <div
        className="node-head"
        role="button"
        tabIndex={0}
        aria-label={t('a11y.node', {
          name: node.name,
          status: n.unschedulable ? `${status}, SchedulingDisabled` : status,
          pods: n.pods,
        })}
        onClick={() => select(node.uid)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            select(node.uid);
          }
        }}
      >
        <span className="node-name">{node.name}</span>
        {n.controlPlane && !node.name.includes('control-plane') && (
          <span className="tag role">{t('graph.controlPlane')}</span>
        )}
        {noSchedule.length > 0 && (
          <span className="tag taint" title={noSchedule.join('\n')}>
            {t('graph.tainted')}
          </span>
        )}
        {!n.ready && <span className="tag danger">{t('graph.notReady')}</span>}
        {n.unschedulable && <span className="tag warn">{t('graph.cordoned')}</span>}
        <span className="node-pods">{t('graph.pods', { n: n.pods })}</span>
      </div>
      <div className="bars">
        <Bar
          label={t('graph.cpu')}
          name={t('a11y.meter', { what: t('graph.cpu') })}
          used={n.cpuRequested}
          total={n.cpuAllocatable}
          text={`${cpuText(n.cpuRequested)}/${cpuText(n.cpuAllocatable)}`}
        />
        <Bar
          label={t('graph.memory')}
          name={t('a11y.meter', { what: t('graph.memory') })}
          used={n.memoryRequested}
          total={n.memoryAllocatable}
          text={`${memText(n.memoryRequested)}/${memText(n.memoryAllocatable)}`}
        />
        <Bar
          label={t('graph.podsBar')}
          name={t('a11y.meter', { what: t('graph.podsBar') })}
          used={n.pods}
          total={n.podsAllocatable}
          text={`${n.pods}/${n.podsAllocatable}`}
        />
      </div>
      {data.dotPods && <DotLayer pods={data.dotPods} />}
      {!data.dotPods && (data.count ?? 0) === 0 && (
        <p className="node-empty">
          {noSchedule.length > 0 && n.controlPlane
            ? t('graph.controlPlaneEmpty')
            : n.pods > 0
              ? t('graph.nodeHiddenPods', { n: n.pods })
              : t('graph.nodeEmpty')}
        </p>
      )}
    </div>
  );
});
