/** NodeName (`k/k:pkg/scheduler/framework/plugins/nodename`): spec.nodeName must name the node. */
import { unresolvable, type FilterPlugin } from '../framework';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName: FilterPlugin = {
  name: 'NodeName',
  filter(ctx, node) {
    const want = ctx.pod.spec?.nodeName as string | undefined;
    return !want || want === node.name ? null : unresolvable(this.name, ERR_REASON_NODE_NAME);
  },
};
