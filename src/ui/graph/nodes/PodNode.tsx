/**
 * A pod chip inside its node: the end of its name, its status, restarts, and how many requests it
 * served (the counters stay level under round-robin). The left stripe has its owner's colour.
 * Subscribes to its own status and counter only.
 */
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
  const count = useStore((s) => s.requestCounts[data.uid]);
  if (!pod) return null;
  const restarts = pod.restarts ?? 0;
  const served = count ? count.ok + count.failed : 0;
  const label = [
    pod.nodeName
      ? t('a11y.pod', { name: pod.name, status: pod.status, node: pod.nodeName })
      : t('a11y.podPending', { name: pod.name, status: pod.status }),
    ...(restarts > 0 ? [t('a11y.restarts', { n: restarts })] : []),
    ...(served > 0 ? [t('a11y.requests', { n: served })] : []),
  ].join(', ');
  const cls = [
    'pod',
    `tone-${pod.tone}`,
    data.color !== undefined ? `owner-${data.color}` : 'no-owner',
    isSelected ? 'selected' : '',
  ].join(' ');
  return (
    <div
      className={cls}
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={isSelected}
      data-status={pod.status}
      title={pod.name}
      onClick={() => select(pod.uid)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(pod.uid);
        }
      }}
    >
      <Handle type="target" position={Position.Top} className="handle" isConnectable={false} />
      <span className="pod-name">{data.short ?? pod.name}</span>
      {served > 0 && (
        // Keyed by the count, so each new request replays the flash.
        <span key={served} className="pod-count" data-testid="pod-count" aria-hidden="true">
          {served}
        </span>
      )}
      <span className="pod-status">
        <span className="pod-dot" aria-hidden="true" />
        {pod.status}
        {restarts > 0 && <span className="restarts"> ↻{restarts}</span>}
      </span>
    </div>
  );
});
