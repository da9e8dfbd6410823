/**
 * A Deployment, ReplicaSet, StatefulSet, DaemonSet, Job or CronJob box with its ready count. The
 * owners of pods carry the colour their pod chips show.
 */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useObject, useStore } from '../../store';
import { useT } from '../../i18n';
import type { GraphNodeData } from '../flow';

const SHORT: Record<string, string> = {
  Deployment: 'deploy',
  ReplicaSet: 'rs',
  StatefulSet: 'sts',
  DaemonSet: 'ds',
  Job: 'job',
  CronJob: 'cj',
};

export const WorkloadNode = memo(function WorkloadNode({
  data,
}: NodeProps & { data: GraphNodeData }) {
  const t = useT();
  const o = useObject(data.uid);
  const isSelected = useStore((s) => s.selected === data.uid);
  const select = useStore((s) => s.select);
  if (!o) return null;
  const cls = [
    'box workload',
    `tone-${o.tone}`,
    data.color !== undefined ? `owner-${data.color} owns-pods` : '',
    isSelected ? 'selected' : '',
  ].join(' ');
  return (
    <div
      className={cls}
      role="button"
      tabIndex={0}
      aria-label={t('a11y.workload', { kind: o.kind, name: o.name, status: o.status })}
      title={`${o.kind} ${o.name}${o.workload?.image ? `\n${o.workload.image}` : ''}`}
      onClick={() => select(o.uid)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(o.uid);
        }
      }}
    >
      <Handle type="target" position={Position.Top} className="handle" isConnectable={false} />
      <span className="box-kind">{SHORT[o.kind] ?? o.kind}</span>
      <span className="box-name">{o.name}</span>
      <span className="box-status">
        <b>{o.status}</b>
        {o.workload?.image ? <span className="box-image"> · {o.workload.image}</span> : null}
      </span>
      <Handle type="source" position={Position.Bottom} className="handle" isConnectable={false} />
    </div>
  );
});
