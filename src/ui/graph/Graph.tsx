/**
 * The cluster graph. The `nodes` array holds structure and positions only and is rebuilt when the
 * structure changes (an object added, removed, bound, re-owned) or the pane's shape changes the
 * number of node columns; statuses, counters and request pulses change far more often and are
 * read by each custom node and edge from its own slice of the store.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import {
  Background,
  ControlButton,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  useViewport,
  type EdgeTypes,
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
import { EMPTY_MEMORY, layoutGraph, type LayoutMemory } from './model/layout';
import { fitViewport, showsAll, type Margins } from './model/fit';
import { toFlow } from './flow';
import { PodNode } from './nodes/PodNode';
import { NodeBox } from './nodes/NodeBox';
import { WorkloadNode } from './nodes/WorkloadNode';
import { ServiceNode } from './nodes/ServiceNode';
import { QueueLane } from './nodes/QueueLane';
import { TrafficEdge } from './edges/TrafficEdge';
import { NamespaceFilter } from './NamespaceFilter';
import { TrafficLegend } from './TrafficLegend';
import { StepCaption } from '../scenario/StepCaption';
import { FitIcon } from '../icons';

const nodeTypes: NodeTypes = {
  pod: PodNode,
  k8snode: NodeBox,
  workload: WorkloadNode,
  service: ServiceNode,
  queue: QueueLane,
} as NodeTypes;
const edgeTypes: EdgeTypes = { traffic: TrafficEdge } as EdgeTypes;
const proOptions = { hideAttribution: true };

/** Room kept free for the panels floating over the graph (screen pixels). */
const MARGINS: Margins = { top: 52, right: 20, bottom: 84, left: 20 };
/** Fitting never zooms in further than this (a small cluster is not blown up). */
const MAX_FIT_ZOOM = 1.15;
const MIN_ZOOM = 0.1;
/** Delay before fitting a freshly loaded cluster (the batches right after a load are in by then). */
const FIT_DELAY_MS = 120;
/** Pane aspect ratios are rounded to this step before they reach the layout (no relayout per pixel). */
const ASPECT_STEP = 0.25;
/** Duration of an automatic refit while the user has not moved the view themselves. */
const REFIT_MS = 300;

function usePaneSize(ref: React.RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) =>
      setSize({ width: Math.round(e.contentRect.width), height: Math.round(e.contentRect.height) }),
    );
    ro.observe(el);
    return () => ro.disconnect();
  }, [ref]);
  return size;
}

/**
 * Fits the view on load, reset and pane resize, and follows the cluster as it grows, until the
 * user pans or zooms themselves (then only the fit button, a reload or a reset fits again).
 */
function AutoFit({
  bounds,
  width,
  height,
  userMoved,
}: {
  bounds: Rect;
  width: number;
  height: number;
  userMoved: React.RefObject<boolean>;
}) {
  const resets = useStore((s) => s.resets);
  const requested = useStore((s) => s.fitRequests);
  const { setViewport } = useReactFlow();
  const ready = bounds.width > 1 && width > 0 && height > 0;
  const key = `${resets}|${requested}|${width}x${height}`;
  const fittedKey = useRef('');
  const fittedBounds = useRef('');
  const latest = useRef({ bounds, width, height });
  useEffect(() => {
    latest.current = { bounds, width, height };
  }, [bounds, width, height]);
  useEffect(() => {
    if (!ready) return;
    const b = `${bounds.x},${bounds.y},${bounds.width},${bounds.height}`;
    const fresh = fittedKey.current !== key;
    if (!fresh && (userMoved.current || fittedBounds.current === b)) return;
    if (fresh) userMoved.current = false;
    fittedKey.current = key;
    fittedBounds.current = b;
    const timer = setTimeout(
      () => {
        const l = latest.current;
        void setViewport(
          fitViewport(l.bounds, l.width, l.height, MARGINS, MAX_FIT_ZOOM, MIN_ZOOM),
          {
            duration: fresh ? 0 : REFIT_MS,
          },
        );
      },
      fresh ? FIT_DELAY_MS : 0,
    );
    return () => clearTimeout(timer);
  }, [ready, key, bounds, setViewport, userMoved]);
  return null;
}

/** The minimap, only while the view does not show the whole cluster (it would only cover it). */
const AutoMiniMap = memo(function AutoMiniMap({
  bounds,
  width,
  height,
  label,
}: {
  bounds: Rect;
  width: number;
  height: number;
  label: string;
}) {
  const v = useViewport();
  if (showsAll(v, bounds, width, height)) return null;
  return <MiniMap pannable zoomable ariaLabel={label} style={{ width: 140, height: 90 }} />;
});

export function Graph() {
  const t = useT();
  const structure = useStore((s) => s.structure);
  const hidden = useStore(useShallow((s) => s.hiddenNamespaces));
  const theme = useStore((s) => s.theme);
  const pane = useRef<HTMLElement>(null);
  const { width, height } = usePaneSize(pane);
  const aspect =
    height > 0
      ? Math.max(ASPECT_STEP, Math.round(width / height / ASPECT_STEP) * ASPECT_STEP)
      : 1.5;
  const memory = useRef<LayoutMemory>(EMPTY_MEMORY);
  const userMoved = useRef(false);

  const { flow, namespaces, bounds, empty } = useMemo(() => {
    const model = buildModel(structure);
    const filtered = filterModel(model, hidden);
    const groups = groupModel(filtered);
    const layout = layoutGraph(filtered, groups, memory.current, { aspect });
    memory.current = layout.memory;
    const byUid = new Map(Object.values(structure).map((r) => [r.uid, r]));
    const top = layout.nodes.filter((n) => !n.parentId);
    const x0 = Math.min(...top.map((n) => n.x));
    const y0 = Math.min(...top.map((n) => n.y));
    const bounds: Rect = {
      x: x0,
      y: y0,
      width: Math.max(...top.map((n) => n.x + n.width)) - x0,
      height: Math.max(...top.map((n) => n.y + n.height)) - y0,
    };
    // Services alone (the default namespace always has `kubernetes`) still leave nothing to watch.
    const empty =
      filtered.pods.length + filtered.workloads.length === 0 && filtered.nodes.length > 0;
    const describe = (kind: 'owner' | 'service', from: string, to: string) =>
      t(kind === 'service' ? 'a11y.edgeService' : 'a11y.edgeOwner', { from, to });
    return {
      flow: toFlow(layout, groups, byUid, describe),
      namespaces: model.namespaces,
      bounds,
      empty,
    };
  }, [structure, hidden, aspect, t]);

  return (
    <section className="graph" aria-label={t('graph.label')} ref={pane}>
      <ReactFlow
        nodes={flow.nodes}
        edges={flow.edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        minZoom={MIN_ZOOM}
        maxZoom={2}
        nodesDraggable={false}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable={false}
        onlyRenderVisibleElements={flow.nodes.length > 400}
        onMoveStart={(e) => {
          if (e) userMoved.current = true;
        }}
        colorMode={theme}
        proOptions={proOptions}
        zIndexMode="manual"
        ariaLabelConfig={{
          'node.a11yDescription.default': t('a11y.graphHelp'),
          'node.a11yDescription.keyboardDisabled': t('a11y.graphHelp'),
          'edge.a11yDescription.default': t('a11y.graphHelp'),
          'controls.ariaLabel': t('graph.controls'),
          'controls.zoomIn.ariaLabel': t('graph.zoomIn'),
          'controls.zoomOut.ariaLabel': t('graph.zoomOut'),
          'controls.fitView.ariaLabel': t('graph.fit'),
          'minimap.ariaLabel': t('graph.minimap'),
        }}
      >
        <AutoFit bounds={bounds} width={width} height={height} userMoved={userMoved} />
        <Background gap={24} />
        <Controls showInteractive={false} showFitView={false} orientation="horizontal">
          <ControlButton
            onClick={() => useStore.getState().requestFit()}
            title={`${t('graph.fit')} (F)`}
            aria-label={t('graph.fit')}
          >
            <FitIcon />
          </ControlButton>
        </Controls>
        <AutoMiniMap bounds={bounds} width={width} height={height} label={t('graph.minimap')} />
        <Panel position="top-left">
          <NamespaceFilter namespaces={namespaces} />
        </Panel>
        <Panel position="top-right">
          <TrafficLegend />
        </Panel>
        <Panel position="bottom-center">
          <StepCaption />
        </Panel>
        {empty && (
          <Panel position="top-center" className="graph-empty-panel">
            <p className="graph-empty" role="status">
              {t('graph.empty')}
            </p>
          </Panel>
        )}
      </ReactFlow>
    </section>
  );
}
