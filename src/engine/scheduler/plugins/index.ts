/**
 * The default profile's plugins in the order `getDefaultPlugins` enables them
 * (`k/k:pkg/scheduler/apis/config/v1/default_plugins.go`), with the default score weights.
 */
import type { FilterPlugin, ScorePlugin } from '../framework';
import { balancedAllocation } from './balancedallocation';
import { imageLocality } from './imagelocality';
import { interPodAffinityFilter, interPodAffinityScore } from './interpodaffinity';
import { nodeAffinityFilter, nodeAffinityScore } from './nodeaffinity';
import { nodeName } from './nodename';
import { nodePorts } from './nodeports';
import { nodeResourcesFitFilter, nodeResourcesFitScore } from './noderesourcesfit';
import { nodeUnschedulable } from './nodeunschedulable';
import { podTopologySpreadFilter, podTopologySpreadScore } from './podtopologyspread';
import { taintTolerationFilter, taintTolerationScore } from './tainttoleration';

export const FILTER_PLUGINS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  podTopologySpreadFilter,
  interPodAffinityFilter,
];

export const SCORE_PLUGINS: readonly ScorePlugin[] = [
  taintTolerationScore,
  nodeAffinityScore,
  nodeResourcesFitScore,
  podTopologySpreadScore,
  interPodAffinityScore,
  balancedAllocation,
  imageLocality,
];
