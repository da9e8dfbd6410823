/**
 * What kubectl 1.35 prints for common mistakes: cobra/flag errors, resource-builder errors and the
 * API server's Status messages (checked against the real binary where no server is needed, and
 * against k8s.io/kubectl/pkg/cmd at v0.35.0 for the rest).
 */
import { describe, expect, it } from 'vitest';
import { run } from './transcript';

const NO_RESOURCES =
  "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n";

const CASES: [string, string][] = [
  ['kubectl get foo', 'error: the server doesn\'t have a resource type "foo"\n'],
  ['kubectl get pods nope', 'Error from server (NotFound): pods "nope" not found\n'],
  ['kubectl get pods -n nope', 'No resources found in nope namespace.\n'],
  [
    'kubectl get',
    'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples\n',
  ],
  [
    'kubectl describe',
    'error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
  ],
  ['kubectl get pods --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n"],
  [
    'kubectl scale deploy web --replicas=abc',
    'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl scale --help\' for usage.\n',
  ],
  ['kubectl scale deploy web', 'error: required flag(s) "replicas" not set\n'],
  ['kubectl run x', 'error: required flag(s) "image" not set\n'],
  ['kubectl create deployment x', 'error: required flag(s) "image" not set\n'],
  ['kubectl create', 'error: must specify one of -f and -k\n'],
  ['kubectl apply', 'error: must specify one of -f and -k\n'],
  ['kubectl expose', NO_RESOURCES],
  ['kubectl delete', NO_RESOURCES],
  ['kubectl delete pod', 'error: resource(s) were provided, but no name was specified\n'],
  ['kubectl delete pod nope', 'Error from server (NotFound): pods "nope" not found\n'],
  [
    'kubectl logs',
    "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
  ],
  ['kubectl exec x', 'error: you must specify at least one command for the container\n'],
  ['kubectl rollout status', 'error: required resource not specified\n'],
  ['kubectl label pod', 'error: at least one label update is required\n'],
  [
    'kubectl get pods -o yamll',
    'error: unable to match a printer suitable for the output format "yamll", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
  ],
  // create_deployment.go wraps the API error: fmt.Errorf("failed to create deployment: %v", err)
  [
    'kubectl create deployment x --image=nginx -n nope',
    'error: failed to create deployment: namespaces "nope" not found\n',
  ],
  [
    'kubectl run x --image=nginx -n nope',
    'Error from server (NotFound): namespaces "nope" not found\n',
  ],
  [
    'kubectl create ns dev\nkubectl create ns dev',
    'Error from server (AlreadyExists): namespaces "dev" already exists\n',
  ],
  // Not kubectl: Kubeplay has no shell, and says so instead of parsing `| head` as flags.
  [
    'kubectl get pods -A | grep coredns',
    'error: pipes are not supported in Kubeplay; run "kubectl get pods -A" on its own\n',
  ],
  // The pods/log handler's BadRequest (kubelet validateContainerLogStatus wording).
  [
    'kubectl run web --image=nginx\nkubectl logs web',
    'Error from server (BadRequest): container "web" in pod "web" is waiting to start: ContainerCreating\n',
  ],
  [
    'kubectl run bad --image=nginx:doesnotexist\nsleep 1m\nkubectl logs bad',
    'Error from server (BadRequest): container "bad" in pod "bad" is waiting to start: trying and failing to pull image\n',
  ],
  [
    'kubectl run bad --image=nginx:doesnotexist\nkubectl logs bad -p',
    'Error from server (BadRequest): previous terminated container "bad" in pod "bad" not found\n',
  ],
];

describe('error messages', () => {
  it.each(CASES)('%s', (script, expected) => {
    expect(run(script + '\n').err).toBe(expected);
  });
});

describe('kubectl delete (1.35 wording)', () => {
  it('names the namespace of namespaced objects only', () => {
    const r = run(
      'kubectl run x --image=nginx\nkubectl create ns dev\nkubectl delete pod x\nkubectl delete ns dev\n',
    );
    expect(r.out).toBe(
      'pod/x created\nnamespace/dev created\npod "x" deleted from default namespace\nnamespace "dev" deleted\n',
    );
  });

  it('says force deleted with --grace-period=0 --force, and marks dry runs', () => {
    const r = run(
      'kubectl run x --image=nginx\nkubectl delete pod x --dry-run=client\nkubectl delete pod x --grace-period=0 --force\n',
    );
    expect(r.out).toBe(
      'pod/x created\npod "x" deleted from default namespace (dry run)\npod "x" force deleted from default namespace\n',
    );
    expect(r.err).toBe(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  });
});

describe('kubectl label and annotate (label.go updateDataChangeMsg)', () => {
  it('says labeled, unlabeled, not labeled, and reports a missing label', () => {
    const r = run(`kubectl run web --image=nginx --labels=app=web
kubectl label pod web tier=fe
kubectl label pod web tier=fe
kubectl label pod web tier-
kubectl label pod web tier-
kubectl label pod web app=x --overwrite
kubectl annotate pod web note=x
kubectl annotate pod web note=x
`);
    expect(r.out).toBe(
      [
        'pod/web created',
        'pod/web labeled',
        'pod/web not labeled',
        'pod/web unlabeled',
        'label "tier" not found.',
        'pod/web not labeled',
        'pod/web labeled',
        'pod/web annotated',
        'pod/web annotated',
        '',
      ].join('\n'),
    );
  });
});
