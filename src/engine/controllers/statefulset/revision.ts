/** StatefulSet ControllerRevisions: the hash is taken over the revision data (history.HashControllerRevision). */
import type { KObject } from '../../api/types';
import { computeHash } from '../util/hash';
import { templatePatch } from '../util/history';

export { cleanupHistory, currentRevision } from '../util/history';

export function computeRevisionHash(sts: KObject): string {
  return computeHash(templatePatch(sts), sts.status?.collisionCount);
}
