/**
 * Layers shared between images: a node pulls a base layer once and every image built on it
 * starts from the cache (why the second debian-based image pulls faster).
 */
import { fnv1a } from '../../rng';
import type { Layer } from './types';

/** A stable 64-hex digest derived from a name (the simulated registry's content address). */
export function digestOf(name: string): string {
  let out = '';
  for (let i = 0; out.length < 64; i++) out += fnv1a(`${name}#${i}`).toString(16).padStart(8, '0');
  return out.slice(0, 64);
}

function base(name: string, size: number): Layer {
  return { digest: `sha256:${digestOf(`layer:${name}`)}`, size };
}

/** Compressed sizes of the common base images' root layers (linux/amd64). */
export const BASE_LAYERS = {
  'debian:stretch-slim': base('debian:stretch-slim', 22_496_048),
  'debian:buster-slim': base('debian:buster-slim', 27_092_654),
  'debian:bookworm-slim': base('debian:bookworm-slim', 28_227_259),
  'debian:bookworm': base('debian:bookworm', 48_494_272),
  'debian:bullseye': base('debian:bullseye', 55_045_934),
  'alpine:3.21': base('alpine:3.21', 3_642_247),
  'alpine:3.22': base('alpine:3.22', 3_799_806),
  busybox: base('busybox:1.37', 2_152_262),
  'distroless:static': base('gcr.io/distroless/static-debian12', 1_021_102),
  'distroless:iptables': base('registry.k8s.io/build-image/distroless-iptables', 17_654_112),
  'node:7': base('node:7', 260_000_000),
} satisfies Record<string, Layer>;

export type BaseName = keyof typeof BASE_LAYERS;

/** The image's layers: its bases, then its own layer making up the rest of `size`. */
export function layersFor(ref: string, size: number, bases: BaseName[]): Layer[] {
  const shared = bases.map((b) => BASE_LAYERS[b]);
  const own = size - shared.reduce((n, l) => n + l.size, 0);
  return [...shared, { digest: `sha256:${digestOf(`layer:${ref}`)}`, size: Math.max(own, 1) }];
}
