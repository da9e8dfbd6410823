/** NodeUnschedulable (`k/k:pkg/scheduler/framework/plugins/nodeunschedulable`): cordoned nodes. */
import { unresolvable, type FilterPlugin } from '../framework';
import { tolerationsTolerateTaint } from '../taints';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter(ctx, node) {
    if (!node.node.spec?.unschedulable) return null;
    // A pod that tolerates the cordon taint may land on a cordoned node (DaemonSet pods do).
    const tolerates = tolerationsTolerateTaint(ctx.pod.spec?.tolerations, {
      key: 'node.kubernetes.io/unschedulable',
      effect: 'NoSchedule',
    });
    return tolerates ? null : unresolvable(this.name, ERR_REASON_UNSCHEDULABLE);
  },
};
