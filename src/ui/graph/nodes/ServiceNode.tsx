/**
 * A Service box: type, cluster IP, ports and its number of ready endpoints. It flashes in the
 * colour of each request's result (a refused request never reaches a pod, so this is where it shows).
 */
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
  const hit = useStore((s) => s.serviceHits[data.uid]);
  if (!o?.service) return null;
  const svc = o.service;
  return (
    <div
      className={`box service tone-${o.tone}${isSelected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      aria-label={t('a11y.service', { name: o.name, type: svc.type, n: svc.endpoints.length })}
      title={`Service ${o.name}\n${svc.type} ${svc.clusterIP ?? ''} ${svc.ports}`}
      onClick={() => select(o.uid)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(o.uid);
        }
      }}
    >
      {hit && <span key={hit.seq} className={`svc-flash pulse-${hit.result}`} aria-hidden="true" />}
      <span className="box-kind">svc</span>
      <span className="box-name">{o.name}</span>
      <span className="box-status">
        <b>{svc.type}</b> {svc.ports} · {t('graph.endpoints', { n: svc.endpoints.length })}
      </span>
      <Handle type="source" position={Position.Bottom} className="handle" isConnectable={false} />
    </div>
  );
});
