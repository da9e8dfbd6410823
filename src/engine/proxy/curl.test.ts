import { describe, expect, it, vi } from 'vitest';
import { coredns, networkSim, runningPod, service } from './testing';
import { fakePodHttp, FAKE_HTTP_ANNOTATION } from './fake-http';
import { curl } from './curl';
import { bufferIo } from '../command';
import { requestLog } from './request-log';
import type { Simulation } from '../sim';
import { setCondition } from '../api/podutil';

vi.mock('../kubelet/http', () => ({
  podHttp: (...a: Parameters<typeof fakePodHttp>) => fakePodHttp(...a),
}));

function run(sim: Simulation, cmd: string, opts: { from?: string; namespace?: string } = {}) {
  const io = bufferIo();
  const args = cmd.match(/'[^']*'|\S+/g)!.map((a) => a.replace(/^'|'$/g, ''));
  const code = curl(sim, args, io, opts);
  return { code, out: io.stdout, err: io.stderr };
}

function webCluster(): Simulation {
  const sim = networkSim();
  coredns(sim);
  service(sim, 'web', { clusterIP: '10.96.12.7' });
  runningPod(sim, { name: 'web-a', ip: '10.244.1.5' });
  sim.advance(1000);
  return sim;
}

describe('curl output', () => {
  it('prints the body, and with -i the status line and nginx headers', () => {
    const sim = webCluster();
    expect(run(sim, 'curl http://web')).toEqual({ code: 0, out: 'Hello from web-a\n', err: '' });
    const r = run(sim, 'curl -i web/index.html');
    expect(r.out.split('\n').slice(0, 2)).toEqual(['HTTP/1.1 200 OK', 'Server: nginx/1.14.2']);
    expect(r.out).toMatch(/\nDate: Mon, 05 Jan 2026 \d\d:\d\d:\d\d GMT\n/);
    expect(r.out).toContain('Content-Length: 29\n');
    expect(r.out.endsWith('\n\nHello from web-a /index.html\n')).toBe(true);
  });

  it('writes the -v trace to stderr', () => {
    const r = run(webCluster(), 'curl -v http://web');
    expect(r.err).toContain(
      '*   Trying 10.96.12.7:80...\n* Connected to web (10.96.12.7) port 80\n> GET / HTTP/1.1\n> Host: web\n',
    );
    expect(r.err).toContain('< HTTP/1.1 200 OK\n');
  });

  it.each([
    ['unknown name', 'curl http://nope', 6, 'curl: (6) Could not resolve host: nope\n'],
    [
      'service without ready endpoints',
      'curl http://10.96.12.8',
      7,
      "curl: (7) Failed to connect to 10.96.12.8 port 80 after 0 ms: Couldn't connect to server\n",
    ],
    [
      'port nobody listens on',
      'curl http://10.244.1.5:8080',
      7,
      "curl: (7) Failed to connect to 10.244.1.5 port 8080 after 0 ms: Couldn't connect to server\n",
    ],
    [
      '-m with an unreachable address',
      'curl -m 5 http://10.99.0.1',
      28,
      'curl: (28) Connection timed out after 5001 milliseconds\n',
    ],
    [
      'unreachable without -m',
      'curl http://10.99.0.1',
      28,
      "curl: (28) Failed to connect to 10.99.0.1 port 80 after 127000 ms: Couldn't connect to server\n",
    ],
    [
      '-f on a 404',
      'curl -f http://web/missing',
      22,
      'curl: (22) The requested URL returned error: 404\n',
    ],
    [
      'no URL',
      'curl -s',
      2,
      "curl: no URL specified\ncurl: try 'curl --help' or 'curl --manual' for more information\n",
    ],
  ])('%s', (_name, cmd, code, err) => {
    const sim = webCluster();
    service(sim, 'empty', { clusterIP: '10.96.12.8', selector: { app: 'none' } });
    sim.advance(1000);
    expect(run(sim, cmd)).toMatchObject({ code, err });
  });

  it('is silent with -s and shows the error again with -sS', () => {
    const sim = webCluster();
    expect(run(sim, 'curl -s http://nope')).toEqual({ code: 6, out: '', err: '' });
    expect(run(sim, 'curl -sS http://nope').err).toBe('curl: (6) Could not resolve host: nope\n');
  });

  it('times out with -m when the pod sits on a node that stopped answering', () => {
    const sim = webCluster();
    sim.store.mutate(
      'Node',
      undefined,
      'node-1',
      (n) => {
        setCondition(
          n.status,
          {
            type: 'Ready',
            status: 'Unknown',
            reason: 'NodeStatusUnknown',
            message: 'Kubelet stopped posting node status.',
          },
          '2026-01-05T09:00:00Z',
        );
      },
      { subresource: 'status' },
    );
    expect(run(sim, 'curl -m 5 http://10.244.1.5')).toMatchObject({
      code: 28,
      err: 'curl: (28) Connection timed out after 5001 milliseconds\n',
    });
    expect(requestLog(sim).records().at(-1)).toMatchObject({
      result: 'timeout',
      podName: 'web-a',
      latencyMs: 5000,
    });
  });

  it('reports an empty reply and a server that never answers', () => {
    const sim = webCluster();
    sim.store.mutate('Pod', 'default', 'web-a', (p) => {
      p.metadata.annotations = { [FAKE_HTTP_ANNOTATION]: 'empty' };
    });
    expect(run(sim, 'curl web')).toMatchObject({
      code: 52,
      err: 'curl: (52) Empty reply from server\n',
    });
    sim.store.mutate('Pod', 'default', 'web-a', (p) => {
      p.metadata.annotations = { [FAKE_HTTP_ANNOTATION]: 'timeout' };
    });
    expect(run(sim, 'curl -m 2 web').err).toBe(
      'curl: (28) Operation timed out after 2001 milliseconds with 0 bytes received\n',
    );
  });

  it('records every request', () => {
    const sim = webCluster();
    run(sim, 'curl web');
    expect(requestLog(sim).records().at(-1)).toMatchObject({
      client: 'debug',
      service: 'web',
      namespace: 'default',
      port: 80,
      podName: 'web-a',
      podIp: '10.244.1.5',
      node: 'node-1',
      result: 'ok',
      status: 200,
      source: 'curl',
    });
  });
});

describe('cluster DNS', () => {
  it.each([
    'web',
    'web.default',
    'web.default.svc',
    'web.default.svc.cluster.local',
    'web.default.svc.cluster.local.',
  ])('%s resolves to the ClusterIP', (name) => {
    const r = run(webCluster(), `curl -v http://${name}`);
    expect(r.err).toContain('Trying 10.96.12.7:80');
    expect(r.code).toBe(0);
  });

  it('searches the client namespace first', () => {
    const sim = webCluster();
    service(sim, 'web', { clusterIP: '10.96.30.1' }, 'shop');
    runningPod(sim, {
      name: 'client',
      namespace: 'shop',
      ip: '10.244.2.30',
      labels: { app: 'client' },
    });
    sim.advance(1000);
    expect(
      run(sim, 'curl -v -m 1 http://web', { from: 'client', namespace: 'shop' }).err,
    ).toContain('Trying 10.96.30.1:80');
    expect(
      run(sim, 'curl -v http://web.default', { from: 'client', namespace: 'shop' }).err,
    ).toContain('Trying 10.96.12.7:80');
  });

  it('answers headless services with pod IPs and StatefulSet pods by hostname.subdomain', () => {
    const sim = networkSim();
    coredns(sim);
    service(sim, 'nginx', { clusterIP: 'None', selector: { app: 'nginx' } });
    runningPod(sim, {
      name: 'web-0',
      ip: '10.244.1.10',
      labels: { app: 'nginx' },
      hostname: 'web-0',
      subdomain: 'nginx',
    });
    runningPod(sim, {
      name: 'web-1',
      ip: '10.244.2.10',
      labels: { app: 'nginx' },
      hostname: 'web-1',
      subdomain: 'nginx',
    });
    sim.advance(1000);
    expect(run(sim, 'curl http://nginx').out).toBe('Hello from web-0\n');
    expect(run(sim, 'curl http://web-1.nginx.default.svc.cluster.local').out).toBe(
      'Hello from web-1\n',
    );
    expect(run(sim, 'curl http://web-1.nginx').out).toBe('Hello from web-1\n');
    expect(run(sim, 'curl http://10-244-2-10.default.pod.cluster.local').out).toBe(
      'Hello from web-1\n',
    );
  });

  it('follows an ExternalName CNAME to an in-cluster name', () => {
    const sim = webCluster();
    service(sim, 'alias', {
      type: 'ExternalName',
      externalName: 'web.default.svc.cluster.local',
      selector: undefined,
      ports: undefined,
    });
    service(sim, 'outside', {
      type: 'ExternalName',
      externalName: 'example.com',
      selector: undefined,
      ports: undefined,
    });
    expect(run(sim, 'curl http://alias').out).toBe('Hello from web-a\n');
    expect(run(sim, 'curl http://outside').err).toBe('curl: (6) Could not resolve host: outside\n');
  });

  it('fails to resolve while no CoreDNS pod is ready, and from outside the cluster', () => {
    const sim = webCluster();
    expect(run(sim, 'curl http://web', { from: 'outside' }).err).toBe(
      'curl: (6) Could not resolve host: web\n',
    );
    sim.store.delete('Pod', 'kube-system', 'coredns-1', { gracePeriodSeconds: 0 });
    expect(run(sim, 'curl http://web').err).toBe('curl: (6) Could not resolve host: web\n');
  });
});

describe('LoadBalancer and Ingress', () => {
  it('assigns a pool IP after a delay; outside clients reach it', () => {
    const sim = webCluster();
    service(sim, 'lb', {
      type: 'LoadBalancer',
      clusterIP: '10.96.40.1',
      selector: { app: 'web' },
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80, nodePort: 31000 }],
    });
    sim.advance(100);
    expect(
      sim.store.get('Service', 'default', 'lb')!.status?.loadBalancer?.ingress,
    ).toBeUndefined();
    sim.advance(2000);
    expect(sim.store.get('Service', 'default', 'lb')!.status.loadBalancer.ingress).toEqual([
      { ip: '172.18.255.200', ipMode: 'VIP' },
    ]);
    const reasons = sim.store.list('Event').map((e) => `${e.reason}: ${e.message}`);
    expect(reasons).toEqual([
      'EnsuringLoadBalancer: Ensuring load balancer',
      'EnsuredLoadBalancer: Ensured load balancer',
    ]);
    expect(run(sim, 'curl http://172.18.255.200')).toMatchObject({
      code: 0,
      out: 'Hello from web-a\n',
    });
    expect(requestLog(sim).records().at(-1)!.client).toBe('outside');
    // Outside clients cannot reach ClusterIPs.
    expect(run(sim, 'curl -m 3 http://10.96.40.1', { from: 'outside' }).code).toBe(28);
  });

  it('routes by host and path; unmatched requests get the default backend 404', () => {
    const sim = webCluster();
    service(sim, 'api', { clusterIP: '10.96.50.1', selector: { app: 'api' } });
    runningPod(sim, { name: 'api-a', ip: '10.244.2.40', labels: { app: 'api' } });
    sim.store.create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'shop', namespace: 'default' },
      spec: {
        ingressClassName: 'nginx',
        rules: [
          {
            host: 'foo.example',
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: 'web', port: { number: 80 } } },
                },
                {
                  path: '/api',
                  pathType: 'Prefix',
                  backend: { service: { name: 'api', port: { number: 80 } } },
                },
                {
                  path: '/exact',
                  pathType: 'Exact',
                  backend: { service: { name: 'api', port: { number: 80 } } },
                },
              ],
            },
          },
        ],
      },
    });
    sim.advance(5000);
    expect(sim.store.get('Ingress', 'default', 'shop')!.status.loadBalancer.ingress).toEqual([
      { ip: '192.168.49.2' },
    ]);
    const get = (cmd: string) => run(sim, cmd).out;
    expect(get("curl -H 'Host: foo.example' http://192.168.49.2/api/users")).toBe(
      'Hello from api-a /api/users\n',
    );
    expect(get("curl -H 'Host: foo.example' http://192.168.49.2/apis")).toBe(
      'Hello from web-a /apis\n',
    );
    expect(get('curl http://foo.example/exact')).toBe('Hello from api-a /exact\n');
    expect(get('curl http://foo.example/exact/more')).toBe('Hello from web-a /exact/more\n');
    const miss = run(sim, "curl -i -H 'Host: bar.example' http://192.168.49.2/");
    expect(miss.out.startsWith('HTTP/1.1 404 Not Found\n')).toBe(true);
    expect(miss.out.endsWith('default backend - 404\n')).toBe(true);
  });

  it('answers 503 when the backend service has no endpoints', () => {
    const sim = webCluster();
    sim.store.create({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'x', namespace: 'default' },
      spec: { defaultBackend: { service: { name: 'missing', port: { number: 80 } } } },
    });
    expect(run(sim, 'curl -i http://192.168.49.3/').out).toContain(
      'HTTP/1.1 503 Service Temporarily Unavailable\n',
    );
  });
});
