/** `kubectl describe pod` (describe.go describePod). */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { since } from '../humanize';
import {
  Writer,
  annotationsBlock,
  controllerOfText,
  eventsBlock,
  eventsFor,
  labelsBlock,
  rfc1123z,
  tolerationsBlock,
} from './common';
import { describeContainers, describeVolumes } from './containers';

export function describePod(sim: Simulation, pod: KObject): string {
  const w = new Writer();
  const spec = pod.spec ?? {};
  const st = pod.status ?? {};
  const now = sim.now();
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  labelsBlock(w, '', 'Labels', pod.metadata.labels);
  annotationsBlock(w, '', 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${st.phase ?? ''}\n`);
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  const ips = (st.podIPs ?? []) as { ip: string }[];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const ctl = controllerOfText(pod);
  if (ctl) w.write(0, `Controlled By:\t${ctl}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  if (spec.initContainers?.length)
    describeContainers(w, 'Init Containers', spec.initContainers, st.initContainerStatuses, '');
  describeContainers(w, 'Containers', spec.containers ?? [], st.containerStatuses, '');
  if ((st.conditions ?? []).length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${st.qosClass ?? ''}\n`);
  labelsBlock(w, '', 'Node-Selectors', spec.nodeSelector);
  tolerationsBlock(w, '', 'Tolerations', spec.tolerations);
  eventsBlock(w, eventsFor(sim, pod), now);
  return w.toString();
}
