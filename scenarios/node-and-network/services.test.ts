/**
 * Services and traffic (K8S-SEMANTICS 4): ClusterIPs in 10.96.0.0/12, NodePorts in 30000-32767,
 * curl by name and from outside, IPVS `rr` round robin (the playground default) versus iptables'
 * random pick, ClientIP affinity, headless DNS, LoadBalancer, Ingress, traffic generators.
 */
import { describe, expect, it } from 'vitest';
import { requestLog } from '../../src/engine/proxy/request-log';
import { rows, run, runScenarioText, type Json } from './session';

const KUBIA = `kubectl create deployment kubia --image=luksa/kubia --replicas=3
kubectl expose deployment kubia --port=80 --target-port=8080
`;

/** "You've hit kubia-…" → how many answers each pod gave. */
function tally(answers: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of answers) {
    const m = /^You've hit (\S+)\n$/.exec(a);
    if (!m) throw new Error(`unexpected answer ${JSON.stringify(a)}`);
    out[m[1]] = (out[m[1]] ?? 0) + 1;
  }
  return out;
}

/** 10.96.0.0/12 = 10.96.0.0 – 10.111.255.255 (kubeadm's default --service-cluster-ip-range). */
function inServiceRange(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  return a === 10 && b >= 96 && b <= 111;
}

describe('Service types, addresses and curl', () => {
  const s =
    run(`${KUBIA}kubectl expose deployment kubia --name=kubia-np --type=NodePort --port=80 --target-port=8080
kubectl expose deployment kubia --name=kubia-lb --type=LoadBalancer --port=80 --target-port=8080
kubectl get svc
sleep 40s
kubectl get svc -o json
kubectl get pods -l app=kubia -o jsonpath={.items[*].metadata.name}
${'curl kubia\n'.repeat(9)}curl http://kubia.default.svc.cluster.local
curl http://192.168.49.3:$(kubectl get svc kubia-np -o jsonpath={.spec.ports[0].nodePort})
curl http://$(kubectl get svc kubia-lb -o jsonpath={.status.loadBalancer.ingress[0].ip})
kubectl get svc kubia-lb
kubectl scale deployment kubia --replicas=0
sleep 40s
curl kubia
curl -s kubia
`);
  const svcs: Record<string, Json> = Object.fromEntries(
    (s.json('kubectl get svc -o json').items as Json[]).map((x) => [x.metadata.name, x]),
  );
  const pods = s.out('kubectl get pods -l app=kubia').trim().split(' ');

  it('allocates ClusterIPs in 10.96.0.0/12 and NodePorts in 30000-32767', () => {
    for (const name of ['kubia', 'kubia-np', 'kubia-lb'])
      expect(inServiceRange(svcs[name].spec.clusterIP)).toBe(true);
    for (const name of ['kubia-np', 'kubia-lb']) {
      const port = svcs[name].spec.ports[0].nodePort as number;
      expect(port).toBeGreaterThanOrEqual(30000);
      expect(port).toBeLessThanOrEqual(32767);
    }
    expect(svcs.kubia.spec.ports[0].nodePort).toBeUndefined();
  });

  it('shows a LoadBalancer <pending> until an address is assigned', () => {
    const before = rows(s.out('kubectl get svc\n')).find((r) => r[0] === 'kubia-lb')!;
    expect(before.slice(1, 4)).toEqual([
      'LoadBalancer',
      svcs['kubia-lb'].spec.clusterIP,
      '<pending>',
    ]);
    expect(before[4]).toMatch(/^80:3\d{4}\/TCP$/);
    const after = rows(s.out('kubectl get svc kubia-lb'))[0];
    expect(after[3]).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('answers by name with the pod that served, round robin over the 3 pods (rr)', () => {
    const answers = s.outputs('curl kubia\n');
    expect(answers.slice(0, 9).every((a) => pods.some((p) => a === `You've hit ${p}\n`))).toBe(
      true,
    );
    expect(Object.values(tally(answers.slice(0, 9)))).toEqual([3, 3, 3]);
    // rr keeps the order: request i and i+3 reach the same pod.
    for (let i = 0; i < 6; i++) expect(answers[i + 3]).toBe(answers[i]);
    expect(s.out('curl http://kubia.default.svc.cluster.local')).toMatch(/^You've hit kubia-/);
  });

  it('reaches the pods from outside through a node IP + NodePort and the LoadBalancer IP', () => {
    expect(s.out('curl http://192.168.49.3:')).toMatch(/^You've hit kubia-/);
    expect(s.out('curl http://$(kubectl get svc kubia-lb')).toMatch(/^You've hit kubia-/);
  });

  it('refuses connections to a Service without endpoints', () => {
    expect(s.out('curl kubia\n', 9)).toBe(
      "curl: (7) Failed to connect to kubia port 80 after 0 ms: Couldn't connect to server\n",
    );
    expect(s.out('curl -s kubia')).toBe('');
  });
});

describe('kube-proxy in iptables mode (scenario proxyMode: random)', () => {
  const s = runScenarioText(`apiVersion: kubeplay/v1
kind: Scenario
seed: 7
cluster:
  proxyMode: random
steps:
  - run: |
      ${KUBIA.trim().split('\n').join('\n      ')}
      sleep 40s
${'      curl kubia\n'.repeat(30)}---
`);

  it('picks a backend at random: every pod gets some, not in strict turns', () => {
    const answers = s.outputs('curl kubia');
    expect(answers).toHaveLength(30);
    const counts = tally(answers);
    expect(Object.keys(counts)).toHaveLength(3);
    expect(Object.values(counts).every((n) => n >= 3)).toBe(true);
    const rotates = answers.every((a, i) => i < 3 || a === answers[i - 3]);
    expect(rotates).toBe(false);
  });
});

describe('sessionAffinity ClientIP and headless Services', () => {
  const s = run(`${KUBIA}kubectl apply -f - <<EOF
apiVersion: v1
kind: Service
metadata:
  name: kubia-sticky
spec:
  sessionAffinity: ClientIP
  selector: {app: kubia}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: Service
metadata:
  name: kubia-headless
spec:
  clusterIP: None
  selector: {app: kubia}
  ports:
  - port: 80
    targetPort: 8080
EOF
kubectl run client --image=busybox:1.36 -- sleep 3600
sleep 40s
${'curl kubia-sticky\n'.repeat(6)}kubectl get svc kubia-sticky -o jsonpath={.spec.sessionAffinityConfig.clientIP.timeoutSeconds}
kubectl get svc kubia-headless
kubectl get pods -l app=kubia -o jsonpath={.items[*].status.podIP}
kubectl exec client -- nslookup kubia-headless
kubectl exec client -- wget -qO- http://kubia-sticky
`);

  it('sends one client to the same pod every time, with the 3 h default timeout', () => {
    const answers = s.outputs('curl kubia-sticky');
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^You've hit kubia-/);
    expect(s.out('kubectl get svc kubia-sticky -o jsonpath').trim()).toBe('10800');
  });

  it('gives a headless Service no ClusterIP and a DNS A record per ready pod', () => {
    expect(rows(s.out('kubectl get svc kubia-headless'))[0].slice(0, 3)).toEqual([
      'kubia-headless',
      'ClusterIP',
      'None',
    ]);
    const ips = s.out('kubectl get pods -l app=kubia -o jsonpath').trim().split(' ').sort();
    const answer = s.out('kubectl exec client -- nslookup');
    expect(answer).toMatch(/^Server:\t\t10\.96\.0\.10\nAddress:\t10\.96\.0\.10:53\n\n/);
    expect(answer).toContain('Name:\tkubia-headless.default.svc.cluster.local\n');
    expect([...answer.matchAll(/^Address: (\S+)$/gm)].map((m) => m[1]).sort()).toEqual(ips);
  });

  it('lets a pod reach a Service by name (busybox wget)', () => {
    expect(s.out('kubectl exec client -- wget')).toMatch(/^You've hit kubia-/);
  });
});

describe('Ingress and traffic generators', () => {
  const s = run(`${KUBIA}kubectl create deployment web --image=nginx:1.27
kubectl expose deployment web --port=80
kubectl apply -f - <<EOF
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: site
spec:
  rules:
  - host: site.example.com
    http:
      paths:
      - path: /kubia
        pathType: Prefix
        backend:
          service:
            name: kubia
            port:
              number: 80
      - path: /
        pathType: Prefix
        backend:
          service:
            name: web
            port:
              number: 80
EOF
sleep 40s
curl http://site.example.com/kubia
curl -s http://site.example.com/ -o /dev/null -w %{http_code}
curl -i http://site.example.com/
curl http://other.example.com/
kubectl get ingress site -o jsonpath={.status.loadBalancer.ingress[0].ip}
curl -i -H 'Host: other.example.com' http://192.168.49.2/
kubeplay traffic start kubia --rate 10/s
sleep 30s
kubeplay traffic stop kubia
sleep 10s
`);

  it('routes by host and path', () => {
    expect(s.out('curl http://site.example.com/kubia')).toMatch(/^You've hit kubia-/);
    expect(s.out('curl -i http://site.example.com/')).toMatch(
      /^HTTP\/1\.1 200 OK\r?\n[\s\S]*Welcome to nginx!/,
    );
    // Only the Ingress hosts are in the learner's /etc/hosts; other names reach the default backend.
    expect(s.out('curl http://other.example.com/')).toBe(
      'curl: (6) Could not resolve host: other.example.com\n',
    );
    // ingress-nginx publishes the node address it listens on (the control-plane node here).
    expect(s.out('kubectl get ingress site')).toBe('192.168.49.2\n');
    expect(s.out("curl -i -H 'Host: other.example.com'")).toMatch(
      /^HTTP\/1\.1 404 Not Found\r?\n[\s\S]*default backend - 404\n$/,
    );
  });

  it('sends steady requests while started and records each in the request log', () => {
    expect(s.out('kubeplay traffic start')).toBe(
      'traffic to service/kubia started: 10 requests/s from inside the cluster\n',
    );
    const traffic = requestLog(s.sim)
      .records()
      .filter((r) => r.source === 'traffic');
    // 10/s for 30 s, nothing after the stop.
    expect(traffic.length).toBeGreaterThanOrEqual(299);
    expect(traffic.length).toBeLessThanOrEqual(301);
    expect(traffic.every((r) => r.service === 'kubia' && r.result === 'ok')).toBe(true);
    const perPod: Record<string, number> = {};
    for (const r of traffic) perPod[r.podName!] = (perPod[r.podName!] ?? 0) + 1;
    expect(Object.keys(perPod)).toHaveLength(3);
    for (const n of Object.values(perPod))
      expect(Math.abs(n - traffic.length / 3)).toBeLessThanOrEqual(1);
  });
});
