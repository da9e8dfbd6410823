/**
 * Bad input never crashes anything: odd command lines, malformed manifests and hostile values all
 * end with an exit code and a message that points at the problem.
 */
import { describe, expect, it } from 'vitest';
import { bufferIo, runHeadless } from '../src/engine/command';
import { createSimulation } from '../src/engine/cluster/create';
import { defaultClusterConfig } from '../src/engine/config';
import { runLine } from '../src/scenario/script';

const sim = createSimulation(defaultClusterConfig({ seed: 5 }));
const session = { sim, namespace: 'default' };

function run(line: string, stdin?: string) {
  const io = bufferIo();
  const code = runHeadless(sim, runLine(session, line, io, stdin));
  return { code, ...io };
}

const ODD_LINES = [
  'kubectl',
  'kubectl get',
  'kubectl get pods -o jsonpath={.items[',
  'kubectl get pods -o jsonpath="{range .items[*]}{.metadata.name}"',
  'kubectl get pods -o custom-columns=',
  'kubectl get pods -l "app in (a"',
  'kubectl get pods --field-selector=bogus',
  'kubectl get pods -n',
  'kubectl get deploy/',
  'kubectl get /x',
  'kubectl get pods,, -A',
  'kubectl delete',
  'kubectl delete pod',
  'kubectl delete pod nope --grace-period=abc',
  'kubectl scale deploy/nope --replicas=-1',
  'kubectl scale deploy/nope --replicas=abc',
  'kubectl create deployment',
  'kubectl create deployment Bad_Name --image=nginx',
  'kubectl create deployment x --image=',
  'kubectl run',
  'kubectl run p --image=nginx --port=99999999',
  'kubectl expose',
  'kubectl label pod',
  'kubectl label pods --all a=b=c',
  'kubectl annotate node control-plane x-',
  'kubectl taint node',
  'kubectl taint node node-1 =:NoSchedule',
  'kubectl set image deploy/nope a=b',
  'kubectl rollout',
  'kubectl rollout undo deploy/nope --to-revision=x',
  'kubectl rollout status deploy/nope --timeout=1s',
  'kubectl wait --for=condition=Ready pod/nope --timeout=1s',
  'kubectl wait --for=bogus pod/x',
  'kubectl logs',
  'kubectl logs nope',
  'kubectl exec nope -- ls',
  'kubectl exec -- ls',
  'kubectl port-forward nope 80',
  'kubectl top pods',
  'kubectl top nodes',
  'kubectl explain',
  'kubectl explain pods.spec.nope',
  'kubectl drain nope',
  'kubectl cordon',
  'kubectl config set-context --current --namespace=',
  'kubectl patch deploy nope -p "{"',
  'kubectl patch node node-1 --type=json -p "[{"op":"bad"}]"',
  'kubectl edit',
  'kubectl api-resources --bogus',
  'kubectl 日本語',
  `kubectl get pods ${'x'.repeat(5000)}`,
  'curl',
  'curl http://',
  'curl -m abc web',
  'curl http://[::1',
  'sleep',
  'sleep -1s',
  'sleep forever',
  'kubeplay',
  'kubeplay node stop',
  'kubeplay node stop nope',
  'kubeplay node add --cpu abc',
  'kubeplay traffic start',
  'kubeplay traffic start nope --rate -5/s',
  'kubeplay traffic stop nope',
  'rm -rf /',
  '"unterminated',
  "kubectl get pods 'unterminated",
  '\\',
];

describe('odd command lines', () => {
  it.each(ODD_LINES.map((l) => [l]))('%s ends with an exit code and a message', (line) => {
    const r = run(line);
    expect(typeof r.code).toBe('number');
    if (r.code !== 0) expect(r.stderr.length + r.stdout.length).toBeGreaterThan(0);
  });
});

const BAD_MANIFESTS: [string, RegExp][] = [
  ['this is: not: yaml', /error/],
  ['apiVersion: v1\nkind: Frobnicator\nmetadata:\n  name: x\n', /Frobnicator/],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n', /error|invalid/i],
  ['- just\n- a list\n', /error/],
  ['42\n', /error/],
  [
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n  replicas: "three"\n',
    /cannot unmarshal string/,
  ],
  [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "<script>alert(1)</script>"\n',
    /Invalid value|invalid/,
  ],
  [
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  namespace: nope\n',
    /namespaces "nope" not found/,
  ],
  ['&a [*a, *a]\n', /error/],
];

describe('malformed manifests through apply', () => {
  it.each(BAD_MANIFESTS)('%j is refused with a message', (doc, message) => {
    const r = run('kubectl apply -f -', doc);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(message);
  });

  it('survives a YAML alias bomb', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 12; i++)
      bomb.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`,
      );
    const r = run('kubectl apply -f -', bomb.join('\n') + '\n');
    expect(r.code).not.toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
  });
});

describe('the cluster still works afterwards', () => {
  it('runs a deployment', () => {
    expect(run('kubectl create deployment after --image=nginx:1.14.2 --replicas=2').code).toBe(0);
    const r = run('kubectl rollout status deployment/after --timeout=2m');
    expect(r.stdout).toContain('deployment "after" successfully rolled out');
  });
});
