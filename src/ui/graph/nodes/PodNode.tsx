/** A pod inside its node: colour and label by status, restart count. Subscribes to its own status only. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useObject, useStore } from '../../store';
import { useT } from '../../i18n';
import type { GraphNodeData } from '../flow';

export const PodNode = memo(function PodNode({ data }: NodeProps & { data: GraphNodeData }) {
  const t = useT();
  const pod = useObject(data.uid);
  const isSelected = useStore((s) => s.selected === data.uid);
  const select = useStore((s) => s.select);
  if (!pod) return null;
  const label = pod.nodeName
    ? t('a11y.pod', { name: pod.name, status: pod.status, node: pod.nodeName })
    : t('a11y.podPending', { name: pod.name, status: pod.status });
  const restarts = pod.restarts ?? 0;
  return (
    <div
      className={`pod tone-${pod.tone}${isSelected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={restarts > 0 ? `${label}, ${t('a11y.restarts', { n: restarts })}` : label}
      aria-pressed={isSelected}
      data-status={pod.status}
      onClick={() => select(pod.uid)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select(pod.uid);
      }}
    >
      <Handle type="target" position={Position.Top} className="handle" isConnectable={false} />
      <span className="pod-dot" aria-hidden="true" />
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">
        {pod.status}
        {restarts > 0 && <span className="restarts"> ↻{restarts}</span>}
      </span>
    </div>
  );
});
