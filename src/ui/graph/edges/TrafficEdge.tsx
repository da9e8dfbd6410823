/**
 * A Service → pod edge. Each request the Service sent to this pod travels it once as a short pulse,
 * coloured by how it ended (ok / refused / timeout). The line stays under the node boxes (it would
 * otherwise cross every box between the Service and the pod); the pulses are drawn in the viewport
 * portal above the boxes, so a request is visible all the way to its pod. Subscribes to this edge's
 * pulses only.
 */
import { memo, useEffect, useRef } from 'react';
import { BaseEdge, getBezierPath, ViewportPortal, type EdgeProps } from '@xyflow/react';
import { useStore } from '../../store';
import { useReducedMotion } from '../../motion';
import type { RequestResult } from '../../../worker/protocol';

/** How long one pulse takes from the Service to the pod (wall time; it is a hint, not a latency). */
export const PULSE_MS = 700;

const Pulse = memo(function Pulse({ path, result }: { path: string; result: RequestResult }) {
  const motion = useRef<SVGAnimateMotionElement>(null);
  const fade = useRef<SVGAnimateElement>(null);
  // Animations of dynamically inserted SMIL elements start only when asked to.
  useEffect(() => {
    motion.current?.beginElement();
    fade.current?.beginElement();
  }, []);
  return (
    <circle r={5} className={`pulse pulse-${result}`} opacity={0} data-result={result}>
      <animateMotion
        ref={motion}
        dur={`${PULSE_MS}ms`}
        begin="indefinite"
        fill="freeze"
        path={path}
        calcMode="spline"
        keyTimes="0;1"
        keySplines="0.4 0 0.2 1"
      />
      <animate
        ref={fade}
        attributeName="opacity"
        values="1;1;0"
        keyTimes="0;0.85;1"
        dur={`${PULSE_MS}ms`}
        begin="indefinite"
        fill="freeze"
      />
    </circle>
  );
});

export const TrafficEdge = memo(function TrafficEdge(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition } = props;
  const [path] = getBezierPath({
    sourceX,
    sourceY,
    targetX,
    targetY,
    sourcePosition,
    targetPosition,
  });
  const pulses = useStore((s) => s.pulses[id]);
  const reduced = useReducedMotion();
  return (
    <>
      <BaseEdge id={id} path={path} className="traffic-path" />
      {!reduced && pulses && pulses.length > 0 && (
        <ViewportPortal>
          <svg className="pulse-layer" aria-hidden="true" data-edge={id}>
            {pulses.map((p) => (
              <Pulse key={p.seq} path={path} result={p.result} />
            ))}
          </svg>
        </ViewportPortal>
      )}
    </>
  );
});
