/** The scheduling-queue lane: pods the scheduler has not bound to a node yet, across the grid. */
import { memo } from 'react';
import { useT } from '../../i18n';
import type { GraphNodeData } from '../flow';
import type { NodeProps } from '@xyflow/react';

export const QueueLane = memo(function QueueLane({ data }: NodeProps & { data: GraphNodeData }) {
  const t = useT();
  const n = data.count ?? 0;
  return (
    <div
      className={`queue-lane${n > 0 ? ' busy' : ''}`}
      role="group"
      aria-label={`${t('graph.queue')}, ${t('graph.pods', { n })}`}
      data-testid="queue-lane"
    >
      <div className="queue-title">
        <span>{t('graph.queue')}</span>
        <span className="count">{n}</span>
      </div>
      {n === 0 && <div className="queue-empty">{t('graph.queueEmpty')}</div>}
    </div>
  );
});
