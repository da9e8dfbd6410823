/**
 * Ports forwarded by `kubectl port-forward`, kept with the simulation (an extension, so they are
 * in snapshots and never leak from one simulation into another). curl consults
 * `portForwardTarget` for `localhost:PORT`.
 */
import type { Extension, Simulation } from '../sim';
import type { Json } from '../clock';

export interface PortForward {
  namespace: string;
  pod: string;
  /** The pod's uid when forwarding started: the forward dies with that pod, as kubectl's does. */
  uid: string;
  /** The container port on the pod. */
  port: number;
}

interface State {
  /** Keyed by local port. */
  forwards: Record<string, PortForward>;
}

export class PortForwards implements Extension {
  static readonly NAME = 'kubectl/port-forward';
  readonly name = PortForwards.NAME;
  state: State = { forwards: {} };
  snapshot(): Json {
    return this.state as unknown as Json;
  }
  restore(s: Json): void {
    this.state = s as unknown as State;
  }
}

/** Registers the extension so that restoring a snapshot brings the forwards back. */
export function installPortForwards(sim: Simulation): PortForwards {
  let e = sim.extension<PortForwards>(PortForwards.NAME);
  if (!e) {
    e = new PortForwards();
    sim.registerExtension(e);
  }
  return e;
}

export function addPortForward(sim: Simulation, localPort: number, f: PortForward): void {
  const e = installPortForwards(sim);
  e.state = { forwards: { ...e.state.forwards, [String(localPort)]: f } };
}

/** Removes the forwards of `localPorts` that still point at the pod `uid`. */
export function removePortForwards(sim: Simulation, localPorts: number[], uid: string): void {
  const e = sim.extension<PortForwards>(PortForwards.NAME);
  if (!e) return;
  const forwards = { ...e.state.forwards };
  for (const p of localPorts) if (forwards[String(p)]?.uid === uid) delete forwards[String(p)];
  e.state = { forwards };
}

/** The live forward on a local port: its pod must still exist (same uid) and be running. */
export function portForwardTarget(sim: Simulation, localPort: number): PortForward | undefined {
  const f = sim.extension<PortForwards>(PortForwards.NAME)?.state.forwards[String(localPort)];
  if (!f) return undefined;
  const pod = sim.store.get('Pod', f.namespace, f.pod);
  if (!pod || pod.metadata.uid !== f.uid || pod.status?.phase !== 'Running') return undefined;
  return f;
}
