/**
 * Objects the imperative commands build, shaped exactly as kubectl's typed objects serialise
 * (`creationTimestamp: null`, `resources: {}`, `status: {}`): create deployment/job/cronjob/
 * configmap/secret/service/namespace, run, expose, autoscale (k8s.io/kubectl/pkg/cmd/create).
 */
import type { KInput } from '../../api/types';

/** `kubectl create deployment` names containers after the image's last path part, minus tag/digest. */
export function containerNameFromImage(image: string): string {
  const base = image.split('/').pop() ?? image;
  return base.split('@')[0].split(':')[0];
}

export function deploymentObject(
  name: string,
  images: string[],
  replicas: number,
  port: number | undefined,
  command: string[] | undefined,
): KInput {
  const labels = { app: name };
  const containers = images.map((img, i) => ({
    ...(command && i === 0 ? { command } : {}),
    image: img,
    name: containerNameFromImage(img),
    ...(port !== undefined && port >= 0 && i === 0 ? { ports: [{ containerPort: port }] } : {}),
    resources: {},
  }));
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { creationTimestamp: null, labels, name },
    spec: {
      replicas,
      selector: { matchLabels: labels },
      strategy: {},
      template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
    },
    status: {},
  } as unknown as KInput;
}

export function jobObject(name: string, image: string, command: string[] | undefined): KInput {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { creationTimestamp: null, name },
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: {
          containers: [{ ...(command?.length ? { command } : {}), image, name, resources: {} }],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  } as unknown as KInput;
}

export function cronJobObject(
  name: string,
  image: string,
  schedule: string,
  command: string[] | undefined,
): KInput {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { creationTimestamp: null, name },
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [{ ...(command?.length ? { command } : {}), image, name, resources: {} }],
              restartPolicy: 'OnFailure',
            },
          },
        },
      },
      schedule,
    },
    status: {},
  } as unknown as KInput;
}

export function configMapObject(name: string, data: Record<string, string>): KInput {
  return {
    apiVersion: 'v1',
    ...(Object.keys(data).length ? { data } : {}),
    kind: 'ConfigMap',
    metadata: { creationTimestamp: null, name },
  } as unknown as KInput;
}

/** base64 of UTF-8 text without btoa's Latin-1 limit. */
export function base64(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      bytes.push(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += chars[(n >> 18) & 63] + chars[(n >> 12) & 63];
    out += i + 1 < bytes.length ? chars[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? chars[n & 63] : '=';
  }
  return out;
}

export function secretObject(
  name: string,
  data: Record<string, string>,
  type: string | undefined,
): KInput {
  const enc = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, base64(v)]));
  return {
    apiVersion: 'v1',
    ...(Object.keys(enc).length ? { data: enc } : {}),
    kind: 'Secret',
    metadata: { creationTimestamp: null, name },
    ...(type ? { type } : {}),
  } as unknown as KInput;
}

export function namespaceObject(name: string): KInput {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { creationTimestamp: null, name },
    spec: {},
    status: {},
  } as unknown as KInput;
}

/** `kubectl create service <type> NAME --tcp=port[:targetPort]`. */
export function serviceObject(
  name: string,
  type: string,
  tcp: string[],
  nodePort: number | undefined,
): KInput {
  const ports = tcp.map((t) => {
    const [p, target] = t.split(':');
    const port = Number(p);
    const targetPort = target === undefined ? port : /^\d+$/.test(target) ? Number(target) : target;
    return {
      name: t.replace(/:/g, '-'),
      ...(nodePort ? { nodePort } : {}),
      port,
      protocol: 'TCP',
      targetPort,
    };
  });
  const spec: Record<string, unknown> = { ports, selector: { app: name }, type };
  if (type === 'ClusterIP' && tcp.length === 0) spec.clusterIP = 'None';
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { creationTimestamp: null, labels: { app: name }, name },
    spec,
    status: { loadBalancer: {} },
  } as unknown as KInput;
}
