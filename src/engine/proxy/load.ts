/** Request load per pod, from recorded traffic: drives CPU use and so the HPA. */
import type { Simulation } from '../sim';
import { requestLog } from './request-log';

/** Requests per second that reached the pod with this uid over the recent window (LOAD_WINDOW_MS). */
export function requestRate(sim: Simulation, podUid: string): number {
  return requestLog(sim).rate(podUid, sim.now());
}
