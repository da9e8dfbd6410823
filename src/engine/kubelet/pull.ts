/**
 * Image pulls (`k/k:pkg/kubelet/images/image_manager.go EnsureImageExists`): pull policy, the
 * node's image and layer cache, serialized pulls (serializeImagePulls defaults to true), events,
 * and the ErrImagePull → ImagePullBackOff backoff (10 s doubling to 300 s).
 */
import type { Kubelet } from './kubelet';
import type { StepPayload } from './state';
import { containerFieldPath } from './state';
import { lookupImage, parseImageRef } from './images/resolve';
import { backoffNext, goDuration, isInBackOffSinceUpdate } from './backoff';
import {
  CONTAINER_CREATE_MS,
  IMAGE_BACKOFF_MS,
  IMAGE_PULL_BYTES_PER_SEC,
  IMAGE_PULL_FAIL_MS,
  IMAGE_RESOLVE_MS,
  IMAGE_UNPACK_MS_PER_LAYER,
  MAX_IMAGE_BACKOFF_MS,
} from './constants';

const POLICY = { initialMs: IMAGE_BACKOFF_MS, maxMs: MAX_IMAGE_BACKOFF_MS };
/** After a failed pull the pod worker syncs again at once and finds the image in backoff. */
export const PULL_ERROR_RESYNC_MS = 1_000;

/** `SetDefaults_Container`: Always for `:latest` or no tag, otherwise IfNotPresent. */
export function pullPolicy(image: string, policy: string | undefined): string {
  if (policy) return policy;
  return parseImageRef(image).tag === 'latest' && !image.includes('@') ? 'Always' : 'IfNotPresent';
}

/** Time to fetch the layers the node does not have yet, plus the manifest round trip. */
export function pullDurationMs(k: Kubelet, key: string): number {
  const spec = lookupImage(k.sim, key);
  if (!spec) return IMAGE_PULL_FAIL_MS;
  const missing = spec.layers.filter((l) => !k.state.layers[l.digest]);
  const bytes = missing.reduce((n, l) => n + l.size, 0);
  return (
    IMAGE_RESOLVE_MS +
    Math.round((bytes / IMAGE_PULL_BYTES_PER_SEC) * 1000) +
    missing.length * IMAGE_UNPACK_MS_PER_LAYER
  );
}

export function onPull(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  const spec = pod && k.containerSpec(pod, c);
  if (!pod || !spec || pod.metadata.deletionTimestamp) {
    c.busy = false;
    return;
  }
  const fp = containerFieldPath(c);
  const ref = parseImageRef(spec.image);
  const policy = pullPolicy(spec.image, spec.imagePullPolicy);
  const present = !!k.state.images[ref.key];
  const waiting = (reason: string, message: string) => {
    c.state = 'waiting';
    c.reason = reason;
    c.message = message;
    k.writeStatus(p.uid);
  };
  if (policy === 'Never' && !present) {
    const msg = `Container image "${ref.ref}" is not present with pull policy of Never`;
    k.podEvent(pod, 'Warning', 'ErrImageNeverPull', msg, fp);
    k.podEvent(pod, 'Warning', 'Failed', 'Error: ErrImageNeverPull', fp);
    waiting('ErrImageNeverPull', msg);
    c.busy = false;
    return;
  }
  if (present && policy !== 'Always') {
    k.podEvent(
      pod,
      'Normal',
      'Pulled',
      // image_manager.go EnsureImageExists wording since 1.33 (KEP-2535, ensure secret pulled images).
      `Container image "${ref.ref}" already present on machine and can be accessed by the pod`,
      fp,
    );
    c.imageKey = ref.key;
    k.schedule(CONTAINER_CREATE_MS, 'create', { uid: p.uid, c: c.name, gen: c.gen });
    return;
  }
  const key = `${p.uid}_${ref.ref}`;
  const now = k.sim.now();
  if (isInBackOffSinceUpdate(k.state.imageBackoff, key, now, POLICY)) {
    const msg = `Back-off pulling image "${ref.ref}"`;
    k.podEvent(pod, 'Normal', 'BackOff', msg, fp);
    k.podEvent(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', fp);
    waiting('ImagePullBackOff', msg);
    const e = k.state.imageBackoff[key];
    k.schedule(e.lastUpdate + e.backoffMs - now, 'pull', { uid: p.uid, c: c.name, gen: c.gen });
    return;
  }
  k.podEvent(pod, 'Normal', 'Pulling', `Pulling image "${ref.ref}"`, fp);
  const start = Math.max(now, k.state.pullBusyUntil);
  const end = start + pullDurationMs(k, ref.key);
  k.state.pullBusyUntil = end;
  // Pulls are serialized: the layers of this one are on the node before the next pull starts.
  for (const l of lookupImage(k.sim, ref.key)?.layers ?? []) k.state.layers[l.digest] = true;
  k.schedule(end - now, 'pulled', {
    uid: p.uid,
    c: c.name,
    gen: c.gen,
    requestedAt: now,
    startedAt: start,
  });
}

export function onPulled(k: Kubelet, p: StepPayload): void {
  const pod = k.pod(p.uid);
  const c = k.container(p.uid, p.c)!;
  const spec = pod && k.containerSpec(pod, c);
  if (!pod || !spec) {
    c.busy = false;
    return;
  }
  const fp = containerFieldPath(c);
  const ref = parseImageRef(spec.image);
  const image = lookupImage(k.sim, ref.key);
  const now = k.sim.now();
  if (image) {
    k.cacheImage(ref.key);
    c.imageKey = ref.key;
    const took = goDuration(now - (p.startedAt as number));
    const total = goDuration(now - (p.requestedAt as number));
    k.podEvent(
      pod,
      'Normal',
      'Pulled',
      `Successfully pulled image "${ref.ref}" in ${took} (${total} including waiting). Image size: ${image.size} bytes.`,
      fp,
    );
    k.schedule(CONTAINER_CREATE_MS, 'create', { uid: p.uid, c: c.name, gen: c.gen });
    return;
  }
  const err = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref.full}": failed to resolve reference "${ref.full}": ${ref.full}: not found`;
  k.podEvent(pod, 'Warning', 'Failed', `Failed to pull image "${ref.ref}": ${err}`, fp);
  backoffNext(k.state.imageBackoff, `${p.uid}_${ref.ref}`, now, now, POLICY);
  k.podEvent(pod, 'Warning', 'Failed', 'Error: ErrImagePull', fp);
  c.state = 'waiting';
  c.reason = 'ErrImagePull';
  c.message = err;
  k.writeStatus(p.uid);
  k.schedule(PULL_ERROR_RESYNC_MS, 'pull', { uid: p.uid, c: c.name, gen: c.gen });
}
