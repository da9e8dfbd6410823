/**
 * Image references: defaulting (`nginx` → `nginx:latest`, `docker.io/library/`), lookup in the
 * catalog, the kube-system images and the scenario's own images.
 */
import type { ScenarioImage } from '../../config';
import type { Simulation } from '../../sim';
import { CATALOG, isKubeVersionTag, systemImages } from './catalog';
import { layersFor } from './layers';
import type { ImageSpec } from './types';

const MiB = 2 ** 20;

export interface ImageRef {
  /** As the kubelet names it in events: the spec's image with a default `:latest` tag. */
  ref: string;
  /** Fully qualified (`docker.io/library/nginx:1.161`), as containerd reports errors. */
  full: string;
  /** Catalog key (`nginx:1.14.2`, `registry.k8s.io/pause:3.10.1`). */
  key: string;
  tag: string;
}

/** `k/k:pkg/kubelet/images applyDefaultImageTag` plus docker's reference normalisation. */
export function parseImageRef(image: string): ImageRef {
  let name = image;
  let tag = '';
  const at = name.indexOf('@');
  if (at >= 0) name = name.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) {
    tag = name.slice(colon + 1);
    name = name.slice(0, colon);
  }
  const ref = at >= 0 ? image : tag ? image : `${image}:latest`;
  tag ||= 'latest';
  const first = name.split('/')[0];
  const hasRegistry =
    name.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost');
  let full = hasRegistry ? name : `docker.io/${name.includes('/') ? name : `library/${name}`}`;
  let key = full.replace(/^docker\.io\/(library\/)?/, '');
  full = `${full}:${tag}`;
  key = `${key}:${tag}`;
  return { ref, full, key, tag };
}

/** A scenario image (`images:` in the scenario header) as a catalog entry. */
export function scenarioImageSpec(s: ScenarioImage): ImageSpec {
  const { key } = parseImageRef(s.name);
  const size = Math.round((s.sizeMB ?? 5) * 1_000_000);
  const ports = s.ports ?? [8080];
  return {
    ref: key,
    size,
    layers: layersFor(key, size, ['alpine:3.22']),
    entrypoint: [],
    cmd: ['/app'],
    env: { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' },
    files: { '/tmp/': '' },
    shell: true,
    server: s.crash
      ? undefined
      : {
          ports,
          startMs: (s.startSeconds ?? 1) * 1000,
          http: { kind: 'text', body: s.response ?? 'hello from {hostname}\n' },
        },
    startLogs: s.logs ?? [],
    script: s.crash
      ? `sleep ${s.startSeconds ?? 3}; echo "fatal error, exiting"; exit 1`
      : undefined,
    shutdownMs: 100,
    stopExitCode: 0,
    stopLogs: [],
    ignoresSigterm: false,
    idleCpu: 1,
    idleMemory: 8 * MiB,
    cpuPerRequest: 5,
    memoryLeakPerSec: ((s.memoryLeakMBPerMinute ?? 0) * MiB) / 60,
    readiness: s.readinessFails ? 'fails' : undefined,
  };
}

const cache = new WeakMap<Simulation, Map<string, ImageSpec>>();

function table(sim: Simulation): Map<string, ImageSpec> {
  let t = cache.get(sim);
  if (!t) {
    t = new Map();
    for (const s of [...CATALOG, ...systemImages(sim.config.kubernetesVersion)]) t.set(s.ref, s);
    for (const s of sim.config.images ?? []) {
      const spec = scenarioImageSpec(s);
      t.set(spec.ref, spec);
    }
    cache.set(sim, t);
  }
  return t;
}

/** The image, or undefined when the registry has no such repository or tag. */
export function lookupImage(sim: Simulation, image: string): ImageSpec | undefined {
  const { key, tag } = parseImageRef(image);
  const t = table(sim);
  const hit = t.get(key);
  if (hit) return hit;
  // Every release of the control-plane images exists upstream.
  const m = /^registry\.k8s\.io\/(kube-[a-z-]+):(.+)$/.exec(key);
  if (m && isKubeVersionTag(tag)) {
    const base = t.get(`registry.k8s.io/${m[1]}:${sim.config.kubernetesVersion}`);
    if (base) return { ...base, ref: key };
  }
  // kubeplay teaching images accept any tag.
  const kp = /^(kubeplay\/[a-z-]+):/.exec(key);
  if (kp) return t.get(`${kp[1]}:latest`) && { ...t.get(`${kp[1]}:latest`)!, ref: key };
  return undefined;
}

/** Images present on every node from the start (kubeadm pre-pulls the control-plane images). */
export function prePulledImages(sim: Simulation): ImageSpec[] {
  return systemImages(sim.config.kubernetesVersion);
}

/** `docker.io/library/nginx@sha256:…`: the image ID containerd reports for a pulled image. */
export function imageId(spec: ImageSpec): string {
  const repo = parseImageRef(spec.ref).full.replace(/:[^:/]+$/, '');
  return `${repo}@sha256:${spec.layers[spec.layers.length - 1].digest.slice(7)}`;
}
