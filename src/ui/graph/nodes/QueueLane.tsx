/** The scheduling-queue lane: pods the scheduler has not bound to a node yet. */
import { memo } from 'react';
import { useT } from '../../i18n';
import type { GraphNodeData } from '../flow';
import type { NodeProps } from '@xyflow/react';

export const QueueLane = memo(function QueueLane({ data }: NodeProps & { data: GraphNodeData }) {
  const t = useT();
  const n = data.count ?? 0;
  return (
    <div
      className="queue-lane"
      role="group"
      aria-label={`${t('graph.queue')}, ${t('graph.pods', { n })}`}
    >
      <div className="queue-title">
        {t('graph.queue')} <span className="count">{n}</span>
      </div>
      {n === 0 && <div className="queue-empty">{t('graph.queueEmpty')}</div>}
    </div>
  );
});
