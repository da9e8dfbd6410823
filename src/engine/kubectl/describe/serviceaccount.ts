/** `kubectl describe serviceaccount` (describe.go describeServiceAccount, 1.35: pull secrets only). */
import type { KObject } from '../../api/types';
import type { Simulation } from '../../sim';
import { Writer, annotationsBlock, eventsBlock, eventsFor, labelsBlock } from './common';

/** describe.go `emptyHeader`: continuation lines under "Image pull secrets:". */
const EMPTY_HEADER = '                   ';

export function describeServiceAccount(sim: Simulation, sa: KObject): string {
  const w = new Writer();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace}\n`);
  labelsBlock(w, '', 'Labels', sa.metadata.labels);
  annotationsBlock(w, '', 'Annotations', sa.metadata.annotations);
  const names = ((sa.imagePullSecrets ?? []) as { name: string }[]).map((s) => s.name);
  if (names.length === 0) w.write(0, 'Image pull secrets:\t<none>\n');
  names.forEach((n, i) => w.write(0, `${i ? EMPTY_HEADER : 'Image pull secrets:'}\t${n}\n`));
  eventsBlock(w, eventsFor(sim, sa), sim.now());
  return w.toString();
}
