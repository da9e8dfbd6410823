/**
 * A cluster node: name, role, Ready/NotReady and cordon badges, capacity bars (requested CPU and
 * memory against allocatable, pod count against maxPods). Pods are its children in the graph, or,
 * above the dot-layer threshold, dots drawn on one canvas.
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
}: {
  label: string;
  used: number;
  total: number;
  text: string;
}) {
  const p = percent(used, total);
  return (
    <div className="bar" title={`${label}: ${text}`}>
      <span className="bar-label">{label}</span>
      <span
        className="bar-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={p}
        aria-valuetext={text}
      >
        <span className={`bar-fill${p >= 90 ? ' high' : ''}`} style={{ width: `${p}%` }} />
      </span>
      <span className="bar-text">{text}</span>
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
  const cls = [
    'k8s-node',
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
          if (e.key === 'Enter') select(node.uid);
        }}
      >
        <span className="node-name">{node.name}</span>
        {n.controlPlane && <span className="tag">{t('graph.controlPlane')}</span>}
        {!n.ready && <span className="tag danger">{t('graph.notReady')}</span>}
        {n.unschedulable && <span className="tag warn">{t('graph.cordoned')}</span>}
      </div>
      <div className="bars">
        <Bar
          label={t('graph.cpu')}
          used={n.cpuRequested}
          total={n.cpuAllocatable}
          text={`${cpuText(n.cpuRequested)}/${cpuText(n.cpuAllocatable)}`}
        />
        <Bar
          label={t('graph.memory')}
          used={n.memoryRequested}
          total={n.memoryAllocatable}
          text={`${memText(n.memoryRequested)}/${memText(n.memoryAllocatable)}`}
        />
        <Bar
          label={t('graph.podsBar')}
          used={n.pods}
          total={n.podsAllocatable}
          text={`${n.pods}/${n.podsAllocatable}`}
        />
      </div>
      {data.dotPods && <DotLayer pods={data.dotPods} />}
    </div>
  );
});
