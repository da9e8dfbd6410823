/**
 * The simulated registry: common images with their real tags, compressed sizes (linux/amd64),
 * shared base layers, ports, startup logs and resource profiles. Anything not listed here (e.g.
 * `nginx:1.161`) does not exist and fails to pull, as on Docker Hub.
 */
import { layersFor, type BaseName } from './layers';
import {
  HTTPD_INDEX,
  HTTPD_START_LOGS,
  NGINX_INDEX,
  NGINX_INDEX_OLD,
  NGINX_STOP_LOGS,
  REDIS_START_LOGS,
  nginxStartLogs,
} from './content';
import type { ImageSpec } from './types';

const MiB = 2 ** 20;
const DEBIAN_FILES = {
  '/etc/os-release':
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nVERSION_ID="12"\nID=debian\n',
  '/tmp/': '',
  '/var/': '',
};
const ALPINE_FILES = {
  '/etc/os-release':
    'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.22.1\nPRETTY_NAME="Alpine Linux v3.22"\n',
  '/tmp/': '',
  '/var/': '',
};
const PATH_ENV = { PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' };

type Opts = Partial<Omit<ImageSpec, 'ref' | 'size' | 'layers'>>;

function image(ref: string, size: number, bases: BaseName[], o: Opts): ImageSpec {
  return {
    ref,
    size,
    layers: layersFor(ref, size, bases),
    entrypoint: [],
    cmd: ['sh'],
    env: { ...PATH_ENV },
    files: bases.some((b) => b.startsWith('alpine') || b === 'busybox')
      ? { ...ALPINE_FILES }
      : { ...DEBIAN_FILES },
    shell: true,
    startLogs: [],
    shutdownMs: 100,
    stopExitCode: 0,
    stopLogs: [],
    ignoresSigterm: false,
    idleCpu: 1,
    idleMemory: 4 * MiB,
    cpuPerRequest: 1,
    memoryLeakPerSec: 0,
    ...o,
  };
}

function nginx(
  tag: string,
  version: string,
  size: number,
  bases: BaseName[],
  modern: boolean,
): ImageSpec {
  return image(`nginx:${tag}`, size, bases, {
    entrypoint: modern ? ['/docker-entrypoint.sh'] : [],
    cmd: ['nginx', '-g', 'daemon off;'],
    env: { ...PATH_ENV, NGINX_VERSION: version },
    files: {
      ...(bases[0].startsWith('alpine') ? ALPINE_FILES : DEBIAN_FILES),
      '/usr/share/nginx/html/index.html': modern ? NGINX_INDEX : NGINX_INDEX_OLD,
      '/usr/share/nginx/html/50x.html':
        '<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>\n',
      '/etc/nginx/nginx.conf': 'user  nginx;\nworker_processes  auto;\n',
    },
    server: {
      ports: [80],
      startMs: 300,
      http: { kind: 'static', root: '/usr/share/nginx/html', server: `nginx/${version}` },
      accessLog: 'nginx',
    },
    startLogs: nginxStartLogs(version, modern),
    // nginx's STOPSIGNAL is SIGQUIT: a graceful shutdown that takes a moment.
    stopLogs: modern ? NGINX_STOP_LOGS : [],
    shutdownMs: 200,
    idleCpu: 0,
    idleMemory: 3 * MiB,
    cpuPerRequest: 2,
  });
}

/** registry.k8s.io/nginx-slim: the small nginx the StatefulSet tutorial serves from a volume. */
function nginxSlim(tag: string, version: string): ImageSpec {
  return {
    ...nginx(tag, version, 5_300_000, ['alpine:3.21'], false),
    ref: `registry.k8s.io/nginx-slim:${tag}`,
    layers: layersFor(`registry.k8s.io/nginx-slim:${tag}`, 5_300_000, ['alpine:3.21']),
  };
}

function server(
  ref: string,
  size: number,
  bases: BaseName[],
  ports: number[],
  o: Opts & { startMs?: number; http?: NonNullable<ImageSpec['server']>['http'] },
): ImageSpec {
  const { startMs = 1000, http, ...rest } = o;
  return image(ref, size, bases, { server: { ports, startMs, http }, cmd: [], ...rest });
}

const KUBE_VERSION_TAG = /^v1\.\d+\.\d+$/;

/** Images that ship with every node of a kubeadm cluster (pre-pulled). */
export function systemImages(kubeVersion: string): ImageSpec[] {
  const k = (name: string, size: number, bases: BaseName[], o: Opts = {}) =>
    server(`registry.k8s.io/${name}:${kubeVersion}`, size, bases, [], {
      shell: false,
      idleCpu: 5,
      idleMemory: 30 * MiB,
      ...o,
    });
  return [
    image('registry.k8s.io/pause:3.10.1', 320_368, ['distroless:static'], {
      shell: false,
      cmd: ['/pause'],
      script: 'sleep infinity',
      idleMemory: 200 * 1024,
      idleCpu: 0,
    }),
    k('kube-proxy', 30_212_054, ['distroless:iptables'], { idleCpu: 2 }),
    k('kube-apiserver', 28_721_112, ['distroless:static'], { idleCpu: 40, idleMemory: 250 * MiB }),
    k('kube-controller-manager', 26_407_288, ['distroless:static'], {
      idleCpu: 15,
      idleMemory: 60 * MiB,
    }),
    k('kube-scheduler', 20_577_216, ['distroless:static'], { idleCpu: 3, idleMemory: 25 * MiB }),
    server('registry.k8s.io/etcd:3.6.5-0', 22_868_342, ['distroless:static'], [2379, 2380], {
      shell: false,
      idleCpu: 20,
      idleMemory: 45 * MiB,
    }),
    server(
      'registry.k8s.io/coredns/coredns:v1.12.1',
      22_376_064,
      ['distroless:static'],
      [53, 8080, 8181, 9153],
      {
        shell: false,
        http: { kind: 'text', body: 'OK' },
        startLogs: [
          '.:53',
          '[INFO] plugin/reload: Running configuration SHA512 = 1b226df79860026c6a52e67daa10d7f0d57ec5b023288ec00c5e05f93523c894564e15b91770d3a07ae1cfbe861d15b37d4a0027e69c546ab112970993a3b03b',
          'CoreDNS-1.12.1',
          'linux/amd64, go1.24.1, 707c7c1',
        ],
        idleCpu: 2,
        idleMemory: 13 * MiB,
      },
    ),
  ];
}

function tomcat404(): string {
  return '<!doctype html><html lang="en"><head><title>HTTP Status 404 – Not Found</title></head><body><h1>HTTP Status 404 – Not Found</h1><hr class="line" /><p><b>Type</b> Status Report</p><p><b>Description</b> The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.</p><hr class="line" /><h3>Apache Tomcat/10.1.44</h3></body></html>';
}

const MYSQL_CHECK = `if [ -z "$MYSQL_ROOT_PASSWORD" ] && [ -z "$MYSQL_ALLOW_EMPTY_PASSWORD" ] && [ -z "$MYSQL_RANDOM_ROOT_PASSWORD" ]; then
echo "$(date) [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified"
echo "    You need to specify one of the following as an environment variable:"
echo "    - MYSQL_ROOT_PASSWORD"
echo "    - MYSQL_ALLOW_EMPTY_PASSWORD"
echo "    - MYSQL_RANDOM_ROOT_PASSWORD"
exit 1; fi
echo "[Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.6'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL."
sleep infinity`;

const POSTGRES_CHECK = `if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
echo "Error: Database is uninitialized and superuser password is not specified."
echo "       You must specify POSTGRES_PASSWORD to a non-empty value for the"
echo "       superuser. For example, \\"-e POSTGRES_PASSWORD=password\\" on \\"docker run\\"."
exit 1; fi
echo "LOG:  database system is ready to accept connections"
sleep infinity`;

/** The public images of the catalog (system and scenario images are added by images/resolve.ts). */
export const CATALOG: ImageSpec[] = [
  nginx('1.7.9', '1.7.9', 39_937_218, ['debian:stretch-slim'], false),
  nginx('1.14.2', '1.14.2', 44_406_851, ['debian:stretch-slim'], false),
  nginx('1.16.1', '1.16.1', 51_037_410, ['debian:buster-slim'], false),
  nginx('1.25', '1.25.5', 71_011_023, ['debian:bookworm-slim'], true),
  nginx('1.27', '1.27.5', 72_195_292, ['debian:bookworm-slim'], true),
  nginx('1.29', '1.29.1', 72_324_501, ['debian:bookworm-slim'], true),
  nginx('latest', '1.29.1', 72_324_501, ['debian:bookworm-slim'], true),
  nginx('1.27-alpine', '1.27.5', 20_517_891, ['alpine:3.21'], true),
  nginx('1.29-alpine', '1.29.1', 21_168_335, ['alpine:3.22'], true),
  nginx('alpine', '1.29.1', 21_168_335, ['alpine:3.22'], true),
  ...['2.4', 'latest'].map((t) =>
    server(`httpd:${t}`, 58_162_104, ['debian:bookworm-slim'], [80], {
      cmd: ['httpd-foreground'],
      files: { ...DEBIAN_FILES, '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX },
      http: { kind: 'static', root: '/usr/local/apache2/htdocs', server: 'Apache/2.4.65 (Unix)' },
      startLogs: HTTPD_START_LOGS,
      stopExitCode: 0,
      // httpd-foreground's STOPSIGNAL is SIGWINCH (graceful stop).
      shutdownMs: 1000,
      idleMemory: 5 * MiB,
    }),
  ),
  server('httpd:alpine', 24_023_118, ['alpine:3.22'], [80], {
    cmd: ['httpd-foreground'],
    files: { ...ALPINE_FILES, '/usr/local/apache2/htdocs/index.html': HTTPD_INDEX },
    http: { kind: 'static', root: '/usr/local/apache2/htdocs', server: 'Apache/2.4.65 (Unix)' },
    startLogs: HTTPD_START_LOGS,
  }),
  image('busybox:1.28', 727_869, [], { files: { ...ALPINE_FILES } }),
  // Images the kubernetes.io examples use (pods/probe/exec-liveness.yaml,
  // controllers/daemonset.yaml, application/web/web.yaml); sizes are approximate.
  image('registry.k8s.io/busybox:1.27.2', 1_150_000, [], { files: { ...ALPINE_FILES } }),
  server(
    'quay.io/fluentd_elasticsearch/fluentd:v2.5.2',
    139_000_000,
    ['debian:stretch-slim'],
    [24224],
    {
      cmd: ['/run.sh'],
      startLogs: ['[info]: starting fluentd-1.4.2 pid=1 ruby="2.3.3"'],
      idleCpu: 5,
      idleMemory: 80 * MiB,
    },
  ),
  nginxSlim('0.7', '1.9.12'),
  nginxSlim('0.8', '1.11.1'),
  image('busybox:1.36', 2_152_262, ['busybox'], {}),
  image('busybox:1.37', 2_152_262, ['busybox'], {}),
  image('busybox:latest', 2_152_262, ['busybox'], {}),
  image('busybox:stable', 2_152_262, ['busybox'], {}),
  image('alpine:3.21', 3_642_247, ['alpine:3.21'], { cmd: ['/bin/sh'] }),
  image('alpine:3.22', 3_799_806, ['alpine:3.22'], { cmd: ['/bin/sh'] }),
  image('alpine:latest', 3_799_806, ['alpine:3.22'], { cmd: ['/bin/sh'] }),
  image('ubuntu:24.04', 29_724_688, [], { cmd: ['/bin/bash'] }),
  image('ubuntu:latest', 29_724_688, [], { cmd: ['/bin/bash'] }),
  image('debian:bookworm', 48_494_272, ['debian:bookworm'], { cmd: ['bash'] }),
  ...['20', '22', 'latest'].map((t) =>
    image(`node:${t}`, 395_130_512, ['debian:bookworm'], {
      cmd: ['node'],
      script: 'exit 0',
      idleMemory: 40 * MiB,
    }),
  ),
  image('node:22-alpine', 55_463_127, ['alpine:3.22'], { cmd: ['node'], script: 'exit 0' }),
  ...['7', '7.4', 'latest'].map((t) =>
    server(`redis:${t}`, 45_709_422, ['debian:bookworm-slim'], [6379], {
      cmd: ['redis-server'],
      startLogs: REDIS_START_LOGS,
      idleMemory: 3 * MiB,
      idleCpu: 2,
    }),
  ),
  server('redis:alpine', 17_032_210, ['alpine:3.22'], [6379], {
    cmd: ['redis-server'],
    startLogs: REDIS_START_LOGS,
  }),
  ...['8.0', '8.4', 'latest'].map((t) =>
    server(`mysql:${t}`, 170_412_866, [], [3306, 33060], {
      cmd: ['mysqld'],
      script: MYSQL_CHECK,
      startMs: 8000,
      idleMemory: 380 * MiB,
      idleCpu: 6,
      shutdownMs: 2000,
    }),
  ),
  ...['16', '17', 'latest'].map((t) =>
    server(`postgres:${t}`, 158_245_012, ['debian:bookworm-slim'], [5432], {
      cmd: ['postgres'],
      script: POSTGRES_CHECK,
      startMs: 3000,
      idleMemory: 30 * MiB,
      idleCpu: 3,
      shutdownMs: 1000,
    }),
  ),
  ...['9', '10', 'latest'].map((t) =>
    server(`tomcat:${t}`, 160_118_302, [], [8080], {
      cmd: ['catalina.sh', 'run'],
      http: { kind: 'text', body: tomcat404(), status: 404 },
      startMs: 4000,
      idleMemory: 110 * MiB,
      idleCpu: 4,
      shutdownMs: 1500,
    }),
  ),
  ...['5.34.0', '5.34', 'latest'].map((t) =>
    image(`perl:${t}`, 338_432_612, ['debian:bullseye'], {
      cmd: ['perl', '-de0'],
      script: 'exit 0',
    }),
  ),
  server('luksa/kubia:latest', 261_503_217, ['node:7'], [8080], {
    cmd: ['node', 'app.js'],
    // node as PID 1 has no SIGTERM handler and the kernel applies no default action to PID 1:
    // the pod waits out its grace period (30 s), as Kubernetes in Action shows.
    ignoresSigterm: true,
    http: { kind: 'text', body: "You've hit {hostname}\n" },
    startLogs: ['Kubia server starting...'],
    idleMemory: 12 * MiB,
  }),
  // The tags Kubernetes in Action uses for its rolling-update chapter (v1 answers like latest).
  server('luksa/kubia:v1', 261_503_217, ['node:7'], [8080], {
    cmd: ['node', 'app.js'],
    // node as PID 1 has no SIGTERM handler and the kernel applies no default action to PID 1:
    // the pod waits out its grace period (30 s), as Kubernetes in Action shows.
    ignoresSigterm: true,
    http: { kind: 'text', body: "You've hit {hostname}\n" },
    startLogs: ['Kubia server starting...'],
    idleMemory: 12 * MiB,
  }),
  server('luksa/kubia:v2', 261_503_305, ['node:7'], [8080], {
    cmd: ['node', 'app.js'],
    // node as PID 1 has no SIGTERM handler and the kernel applies no default action to PID 1:
    // the pod waits out its grace period (30 s), as Kubernetes in Action shows.
    ignoresSigterm: true,
    http: { kind: 'text', body: 'This is v2 running in pod {hostname}\n' },
    startLogs: ['Kubia server starting...'],
    idleMemory: 12 * MiB,
  }),
  server('luksa/kubia-unhealthy:latest', 261_504_001, ['node:7'], [8080], {
    cmd: ['node', 'app.js'],
    // node as PID 1 has no SIGTERM handler and the kernel applies no default action to PID 1:
    // the pod waits out its grace period (30 s), as Kubernetes in Action shows.
    ignoresSigterm: true,
    http: { kind: 'text', body: "You've hit {hostname}\n" },
    startLogs: ['Kubia server starting...'],
  }),
  server('registry.k8s.io/hpa-example:latest', 181_482_112, ['debian:bullseye'], [80], {
    cmd: ['apache2-foreground'],
    http: { kind: 'text', body: 'OK!' },
    // index.php runs a million sqrt() calls: about 50 ms of CPU per request.
    cpuPerRequest: 50,
    idleMemory: 10 * MiB,
  }),
  ...['2.39', '2.52', '2.53'].map((t) =>
    server(`registry.k8s.io/e2e-test-images/agnhost:${t}`, 50_212_331, ['alpine:3.21'], [8080], {
      entrypoint: ['/agnhost'],
      cmd: [],
      http: { kind: 'agnhost' },
    }),
  ),
  ...['latest', 'v1'].flatMap((t) => [
    image(`kubeplay/crash:${t}`, 3_812_044, ['alpine:3.22'], {
      cmd: ['/app'],
      script:
        'echo "starting worker..."; sleep 3; echo "panic: runtime error: invalid memory address or nil pointer dereference"; exit 1',
    }),
    server(`kubeplay/leak:${t}`, 3_902_113, ['alpine:3.22'], [8080], {
      cmd: ['/app'],
      http: { kind: 'text', body: 'leaking memory on {hostname}\n' },
      startLogs: ['listening on :8080'],
      memoryLeakPerSec: 5 * MiB,
    }),
    server(`kubeplay/flaky-ready:${t}`, 3_861_400, ['alpine:3.22'], [8080], {
      cmd: ['/app'],
      http: { kind: 'text', body: 'hello from {hostname}\n' },
      startLogs: ['listening on :8080'],
      readiness: 'flaky',
    }),
    server(`kubeplay/slow-start:${t}`, 3_870_981, ['alpine:3.22'], [8080], {
      cmd: ['/app'],
      http: { kind: 'text', body: 'hello from {hostname}\n' },
      startLogs: ['warming up caches (this takes a minute)...'],
      startMs: 60_000,
    }),
  ]),
];

export function isKubeVersionTag(tag: string): boolean {
  return KUBE_VERSION_TAG.test(tag);
}
