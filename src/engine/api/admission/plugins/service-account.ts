/**
 * ServiceAccount (`k/k:plugin/pkg/admission/serviceaccount/admission.go`): a new pod runs as the
 * `default` service account unless it names one, and gets the projected API-access token volume
 * (`kube-api-access-<5 chars>`) mounted read-only in every container, unless automounting is off.
 * Unlike the real plugin the service account does not have to exist (the playground does not
 * create one per namespace).
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
import { randomSuffix, type RngStream } from '../../../rng';
import type { ApiStore } from '../../store';
import type { KObject } from '../../types';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
/** `ServiceAccountVolumeName` prefix and `DefaultAPITokenMountPath`. */
export const API_ACCESS_VOLUME_PREFIX = 'kube-api-access-';
export const API_TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
/** `tokenVolumeSource`: 1 h plus the 7 s the plugin adds so the kubelet refreshes in time. */
export const API_TOKEN_EXPIRATION_SECONDS = 3607;
/** `names.SimpleNameGenerator` random suffix length. */
const SUFFIX_LENGTH = 5;
/** 0644, the projected volume's defaultMode. */
const DEFAULT_MODE = 0o644;

/** Mirror pods of static manifests are left alone: the kubelet would delete a changed one. */
export function isMirrorPod(pod: KObject): boolean {
  const a = pod.metadata?.annotations ?? {};
  return 'kubernetes.io/config.mirror' in a || a['kubernetes.io/config.source'] === 'file';
}

function tokenVolume(name: string): any {
  return {
    name,
    projected: {
      defaultMode: DEFAULT_MODE,
      sources: [
        { serviceAccountToken: { expirationSeconds: API_TOKEN_EXPIRATION_SECONDS, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        {
          downwardAPI: {
            items: [
              {
                path: 'namespace',
                fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' },
              },
            ],
          },
        },
      ],
    },
  };
}

export function admitServiceAccount(pod: KObject, store: ApiStore, rng: RngStream): void {
  const spec = pod.spec;
  if (!spec || typeof spec !== 'object' || isMirrorPod(pod)) return;
  spec.serviceAccountName ||= spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
  spec.serviceAccount = spec.serviceAccountName;
  const sa = store.get('ServiceAccount', pod.metadata.namespace, spec.serviceAccountName);
  const automount = spec.automountServiceAccountToken ?? sa?.automountServiceAccountToken ?? true;
  if (!automount) return;
  const containers: any[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  // A container that already mounts something at the token path keeps its own mount.
  const needs = containers.filter(
    (c) => c && !(c.volumeMounts ?? []).some((m: any) => m?.mountPath === API_TOKEN_MOUNT_PATH),
  );
  if (needs.length === 0) return;
  const volumes: any[] = Array.isArray(spec.volumes) ? spec.volumes : [];
  let name = volumes.find(
    (v) => v?.name?.startsWith(API_ACCESS_VOLUME_PREFIX) && v.projected,
  )?.name;
  if (!name) {
    do name = API_ACCESS_VOLUME_PREFIX + randomSuffix(rng, SUFFIX_LENGTH);
    while (volumes.some((v) => v?.name === name));
    spec.volumes = [...volumes, tokenVolume(name)];
  }
  for (const c of needs)
    c.volumeMounts = [
      ...(c.volumeMounts ?? []),
      { name, readOnly: true, mountPath: API_TOKEN_MOUNT_PATH },
    ];
}
