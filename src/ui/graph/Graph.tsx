/**
 * The cluster graph. The `nodes` array holds structure and positions only and is rebuilt when the
 * structure changes (an object added, removed, bound, re-owned); statuses change far more often
 * and are read by each custom node from its own slice of the store.
 */
import { useEffect, useMemo, useRef } from 'react';
import {
  Background,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type FitViewOptions,
  type NodeTypes,
  type Rect,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../store';
import { useT } from '../i18n';
import { buildModel } from './model/model';
import { filterModel } from './model/filter';
import { groupModel } from './model/group';
import { layoutGraph, type SlotMemory } from './model/layout';
import { toFlow } from './flow';
import { PodNode } from './nodes/PodNode';
import { NodeBox } from './nodes/NodeBox';
import { WorkloadNode } from './nodes/WorkloadNode';
import { ServiceNode } from './nodes/ServiceNode';
import { QueueLane } from './nodes/QueueLane';
import { NamespaceFilter } from './NamespaceFilter';

const nodeTypes: NodeTypes = {
  pod: PodNode,
  k8snode: NodeBox,
  workload: WorkloadNode,
  service: ServiceNode,
  queue: QueueLane,
} as NodeTypes;
const fitViewOptions: FitViewOptions = {
  padding: { top: '70px', left: 0.04, right: 0.04, bottom: 0.04 },
  maxZoom: 1,
};
const proOptions = { hideAttribution: true };
/** Delay before fitting a freshly loaded cluster (one or two frames). */
const FIT_DELAY_MS = 150;
/** Room above the graph for the namespace filter panel (flow units). */
const NAMESPACE_PANEL_SPACE = 80;
/** Space around the cluster when fitting (fraction of the view). */
const FIT_PADDING = 0.06;

/** Fits the view once the first nodes of a (re)loaded cluster are measured; never while it just changes. */
function FitOnLoad({ bounds }: { bounds: Rect }) {
  const resets = useStore((s) => s.resets);
  const { fitBounds } = useReactFlow();
  const ready = bounds.width > 1;
  const fitted = useRef(-1);
  const latest = useRef(bounds);
  useEffect(() => {
    latest.current = bounds;
  }, [bounds]);
  useEffect(() => {
    if (!ready || fitted.current === resets) return;
    fitted.current = resets;
    // A little later, so the batches right after a load are in (not cancelled by them).
    setTimeout(() => void fitBounds(latest.current, { padding: FIT_PADDING }), FIT_DELAY_MS);
  }, [ready, resets, fitBounds]);
  return null;
}

export function Graph() {
  const t = useT();
  const structure = useStore((s) => s.structure);
  const hidden = useStore(useShallow((s) => s.hiddenNamespaces));
  const theme = useStore((s) => s.theme);
  const slots = useRef<SlotMemory>({});

  const { flow, namespaces, bounds } = useMemo(() => {
    const model = buildModel(structure);
    const filtered = filterModel(model, hidden);
    const groups = groupModel(filtered);
    const layout = layoutGraph(filtered, groups, slots.current);
    slots.current = layout.slots;
    const byUid = new Map(filtered.nodes.map((n) => [n.uid, n]));
    const top = layout.nodes.filter((n) => !n.parentId);
    const x0 = Math.min(0, ...top.map((n) => n.x));
    const y0 = Math.min(0, ...top.map((n) => n.y)) - NAMESPACE_PANEL_SPACE;
    const bounds: Rect = {
      x: x0,
      y: y0,
      width: Math.max(...top.map((n) => n.x + n.width), 1) - x0,
      height: Math.max(...top.map((n) => n.y + n.height), 1) - y0,
    };
    return { flow: toFlow(layout, groups, byUid), namespaces: model.namespaces, bounds };
  }, [structure, hidden]);

  return (
    <section className="graph" aria-label={t('graph.label')}>
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        fitViewOptions={fitViewOptions}
        minZoom={0.1}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={flow.nodes.length > 400}
        colorMode={theme}
        proOptions={proOptions}
      >
        <FitOnLoad bounds={bounds} />
        <Background gap={24} />
        <Controls showInteractive={false} fitViewOptions={fitViewOptions} />
        <MiniMap pannable zoomable ariaLabel={t('graph.label')} />
        <Panel position="top-left">
          <NamespaceFilter namespaces={namespaces} />
        </Panel>
      </ReactFlow>
    </section>
  );
}
