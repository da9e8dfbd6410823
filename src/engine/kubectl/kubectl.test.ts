import { describe, expect, it } from 'vitest';
import { harness } from './testutil';
import { bufferIo } from '../command';
import { runKubectl } from './index';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: nginx:1.14
`;

describe('kubectl apply', () => {
  it('created, unchanged, configured', () => {
    const h = harness({ 'web.yaml': WEB });
    expect(h.k('apply -f web.yaml')).toEqual({
      code: 0,
      out: 'deployment.apps/web created\n',
      err: '',
    });
    expect(h.k('apply -f web.yaml').out).toBe('deployment.apps/web unchanged\n');
    h.files['web.yaml'] = WEB.replace('replicas: 2', 'replicas: 4');
    expect(h.k('apply -f web.yaml').out).toBe('deployment.apps/web configured\n');
    const d = h.sim.store.get('Deployment', 'default', 'web')!;
    expect(d.spec.replicas).toBe(4);
    const last = d.metadata.annotations!['kubectl.kubernetes.io/last-applied-configuration'];
    expect(
      last.startsWith(
        '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"web"},"name":"web","namespace":"default"}',
      ),
    ).toBe(true);
    expect(last.endsWith('\n')).toBe(true);
  });

  it('removes a label dropped from the file but keeps labels added by others', () => {
    const h = harness({
      'web.yaml': WEB.replace('    app: web\nspec', '    app: web\n    tier: fe\nspec'),
    });
    h.k('apply -f web.yaml');
    h.k('label deploy web team=x');
    h.files['web.yaml'] = WEB;
    expect(h.k('apply -f web.yaml').out).toBe('deployment.apps/web configured\n');
    expect(h.sim.store.get('Deployment', 'default', 'web')!.metadata.labels).toEqual({
      app: 'web',
      team: 'x',
    });
  });

  it('applies the documents before a broken one, then reports the YAML error', () => {
    const broken = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: two\ndata:\n  a: b: c\n`;
    const h = harness({ 'web.yaml': broken });
    const r = h.k('apply -f web.yaml');
    expect(r.code).toBe(1);
    expect(r.out).toBe('configmap/one created\n');
    expect(r.err).toBe(
      'error: error parsing web.yaml: error converting YAML to JSON: yaml: line 6: mapping values are not allowed in this context\n',
    );
    expect(h.sim.store.get('ConfigMap', 'default', 'two')).toBeUndefined();
  });

  it('a missing file and a missing kind', () => {
    const h = harness({ 'nokind.yaml': 'apiVersion: v1\nmetadata:\n  name: x\n' });
    expect(h.k('apply -f nope.yaml').err).toBe('error: the path "nope.yaml" does not exist\n');
    expect(h.k('apply -f nokind.yaml').err).toBe(
      'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it('applies an official example by URL', () => {
    const h = harness();
    expect(h.k('apply -f https://k8s.io/examples/controllers/nginx-deployment.yaml').out).toBe(
      'deployment.apps/nginx-deployment created\n',
    );
    expect(h.k('apply -f https://k8s.io/examples/application/php-apache.yaml').out).toBe(
      'deployment.apps/php-apache created\nservice/php-apache created\n',
    );
  });
});

describe('kubectl errors', () => {
  it.each([
    ['get pod nope', 1, '', 'Error from server (NotFound): pods "nope" not found\n'],
    ['get deploy nope', 1, '', 'Error from server (NotFound): deployments.apps "nope" not found\n'],
    ['get foo', 1, '', 'error: the server doesn\'t have a resource type "foo"\n'],
    [
      'get pods --bogus',
      1,
      '',
      "error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n",
    ],
    [
      'gett pods',
      1,
      '',
      'error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n',
    ],
    ['get pods', 0, '', 'No resources found in default namespace.\n'],
    ['get pods -n empty', 0, '', 'No resources found in empty namespace.\n'],
    ['proxy', 1, '', 'error: kubectl proxy is not supported in Kubeplay\n'],
    ['create deployment web', 1, '', 'error: required flag(s) "image" not set\n'],
  ])('%s', (line, code, out, err) => {
    const h = harness();
    expect(h.k(line)).toEqual({ code, out, err });
  });

  it('kubectl get without a type', () => {
    const r = harness().k('get');
    expect(r.err).toBe(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
    );
  });
});

describe('kubectl get', () => {
  it('label selectors, -L and --show-labels', () => {
    const h = harness();
    h.k('create configmap a');
    h.k('create configmap b');
    h.k('label cm a app=web tier=fe');
    h.k('label cm b app=db');
    const names = (line: string) => h.k(line).out;
    expect(names('get cm -l app=web -o name')).toBe('configmap/a\n');
    expect(names('get cm -l app!=web,app -o name')).toBe('configmap/b\n');
    expect(names('get cm -l "app in (web,db)" -o name')).toBe('configmap/a\nconfigmap/b\n');
    expect(names('get cm -l tier -o name')).toBe('configmap/a\n');
    expect(names('get cm a b -L app --no-headers')).toMatch(
      /^a\s+0\s+0s\s+web\nb\s+0\s+0s\s+db\n$/,
    );
    expect(names('get cm a --show-labels')).toBe(
      'NAME   DATA   AGE   LABELS\na      0      0s    app=web,tier=fe\n',
    );
  });

  it('several kinds: kind-prefixed names and a blank line between tables', () => {
    const h = harness();
    h.k('create configmap a');
    h.k('create secret generic s --from-literal=k=v');
    expect(h.k('get cm/a secret/s').out).toBe(
      'NAME          DATA   AGE\nconfigmap/a   0      0s\n\nNAME       TYPE     DATA   AGE\nsecret/s   Opaque   1      0s\n',
    );
  });

  it('-o yaml wraps several objects in a List', () => {
    const h = harness();
    h.k('create configmap a --from-literal=x=1');
    expect(h.k('get cm a -o yaml').out).toMatch(
      /^apiVersion: v1\ndata:\n {2}x: "1"\nkind: ConfigMap\n/,
    );
    expect(h.k('get cm -l nothing=here -o yaml').out).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });

  it('-w prints the table then a row per change', () => {
    const h = harness();
    h.k('create configmap a');
    const io = bufferIo();
    const gen = runKubectl(h.session, ['get', 'cm', 'a', '-w', '--request-timeout=10s'], io);
    const w = gen.next();
    expect(w.done).toBe(false);
    h.k('label cm a x=y');
    expect(io.stdout).toBe('NAME   DATA   AGE\na      0      0s\na      0      0s\n');
  });
});

describe('imperative commands', () => {
  it.each([
    ['create deployment web --image=nginx --replicas=2', 'deployment.apps/web created\n'],
    ['create namespace dev', 'namespace/dev created\n'],
    ['run nginx --image=nginx', 'pod/nginx created\n'],
    ['create job pi --image=perl', 'job.batch/pi created\n'],
    [
      'create cronjob hello --image=busybox --schedule=*/1 * * * *',
      'cronjob.batch/hello created\n',
    ],
  ])('%s', (line, want) => {
    const h = harness();
    const r = h.k(line.includes('*/1') ? line.replace('*/1 * * * *', "'*/1 * * * *'") : line);
    expect(r.err).toBe('');
    expect(r.out).toBe(want);
  });

  it('label --overwrite rules and removal', () => {
    const h = harness();
    h.k('run x --image=nginx');
    expect(h.k('label pod x run=other').err).toBe(
      "error: 'run' already has a value (x), and --overwrite is false\n",
    );
    expect(h.k('label pod x run=other --overwrite').out).toBe('pod/x labeled\n');
    // label.go updateDataChangeMsg: shorter object without --overwrite.
    expect(h.k('label pod x run-').out).toBe('pod/x unlabeled\n');
    expect(h.sim.store.get('Pod', 'default', 'x')!.metadata.labels).toBeUndefined();
  });

  it('scale, patch and set image', () => {
    const h = harness();
    h.k('create deployment web --image=nginx');
    expect(h.k('scale deploy web --replicas=3').out).toBe('deployment.apps/web scaled\n');
    expect(h.k('scale deploy web --replicas=4 --current-replicas=2').err).toBe(
      'error: Expected replicas to be 2, was 3\n',
    );
    expect(h.k(`patch deploy web -p '{"spec":{"replicas":5}}'`).out).toBe(
      'deployment.apps/web patched\n',
    );
    expect(h.k(`patch deploy web -p '{"spec":{"replicas":5}}'`).out).toBe(
      'deployment.apps/web patched (no change)\n',
    );
    expect(
      h.k(`patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'`)
        .out,
    ).toBe('deployment.apps/web patched\n');
    expect(h.k('set image deploy/web nginx=nginx:1.25').out).toBe(
      'deployment.apps/web image updated\n',
    );
    const d = h.sim.store.get('Deployment', 'default', 'web')!;
    expect(d.spec.replicas).toBe(1);
    expect(d.spec.template.spec.containers[0].image).toBe('nginx:1.25');
  });

  it('taint, cordon and config set-context', () => {
    const h = harness();
    expect(h.k('taint nodes node-1 dedicated=gpu:NoSchedule').out).toBe('node/node-1 tainted\n');
    expect(h.k('taint nodes node-1 dedicated:NoSchedule-').out).toBe('node/node-1 untainted\n');
    expect(h.k('cordon node-2').out).toBe('node/node-2 cordoned\n');
    expect(h.k('cordon node-2').out).toBe('node/node-2 already cordoned\n');
    expect(h.k('config set-context --current --namespace=kube-system').out).toBe(
      'Context "kubernetes-admin@kubernetes" modified.\n',
    );
    expect(h.session.namespace).toBe('kube-system');
  });

  it('delete waits until the object is gone', () => {
    const h = harness();
    h.k('create configmap a');
    expect(h.k('delete cm a')).toEqual({
      code: 0,
      out: 'configmap "a" deleted from default namespace\n',
      err: '',
    });
    expect(h.k('delete cm a').err).toBe('Error from server (NotFound): configmaps "a" not found\n');
    expect(h.k('delete pod x --force --grace-period=0').err).toMatch(
      /^Warning: Immediate deletion does not wait/,
    );
  });

  it('version and cluster-info', () => {
    const h = harness();
    expect(h.k('version').out).toBe(
      'Client Version: v1.35.0\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n',
    );
    expect(h.k('cluster-info').out.split('\n')[0]).toBe(
      'Kubernetes control plane is running at https://192.168.49.2:6443',
    );
  });
});
