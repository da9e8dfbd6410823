/** A Service box: type, cluster IP, ports and its number of ready endpoints. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useObject, useStore } from '../../store';
import { useT } from '../../i18n';
import type { GraphNodeData } from '../flow';

export const ServiceNode = memo(function ServiceNode({
  data,
}: NodeProps & { data: GraphNodeData }) {
  const t = useT();
  const o = useObject(data.uid);
  const isSelected = useStore((s) => s.selected === data.uid);
  const select = useStore((s) => s.select);
  if (!o?.service) return null;
  const svc = o.service;
  return (
    <div
      className={`box service tone-${o.tone}${isSelected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={t('a11y.service', { name: o.name, type: svc.type, n: svc.endpoints.length })}
      onClick={() => select(o.uid)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') select(o.uid);
      }}
    >
      <span className="box-kind">svc</span>
      <span className="box-name">{o.name}</span>
      <span className="box-status">
        {svc.type} {svc.clusterIP ?? ''} {svc.ports}
      </span>
      <Handle type="source" position={Position.Bottom} className="handle" isConnectable={false} />
    </div>
  );
});
