/**
 * Named delays of the simulated control plane. Every reaction in the engine waits one of these, so
 * the UI can show each step and the numbers live in one place. Values in milliseconds.
 */

/** Watch delivery plus work-queue pickup in kube-controller-manager (informer latency: a few ms). */
export const CONTROLLER_SYNC_DELAY_MS = 5;
/** kube-scheduler picks a pod from its active queue shortly after the watch event. */
export const SCHEDULER_DELAY_MS = 10;
/** The scheduler's bind call (DefaultBinder) takes a round trip to the API server. */
export const SCHEDULER_BIND_DELAY_MS = 5;
/** The kubelet's pod workers react to a newly bound pod (PLEG and the sync loop). */
export const KUBELET_SYNC_DELAY_MS = 50;
/** kube-proxy programs rules after an EndpointSlice change (iptables-min-sync-period is 1 s; most syncs are faster). */
export const PROXY_SYNC_DELAY_MS = 100;
