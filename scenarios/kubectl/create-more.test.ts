/**
 * `kubectl create` pdb/ingress/priorityclass/serviceaccount/rbac/secret subcommands, byte for
 * byte: every expected text below was printed by the real kubectl v1.32 binary for the same line.
 */
import { describe, expect, it } from 'vitest';
import { run } from './transcript';

const CASES: [string, string][] = [
  [
    'kubectl create pdb my-pdb --selector=app=web --min-available=1 --dry-run=client -o yaml',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  creationTimestamp: null\n  name: my-pdb\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels:\n      app: web\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n',
  ],
  [
    'kubectl create pdb my-pdb --selector=app=web --max-unavailable=50% --dry-run=client -o json',
    '{\n    "kind": "PodDisruptionBudget",\n    "apiVersion": "policy/v1",\n    "metadata": {\n        "name": "my-pdb",\n        "creationTimestamp": null\n    },\n    "spec": {\n        "selector": {\n            "matchLabels": {\n                "app": "web"\n            }\n        },\n        "maxUnavailable": "50%"\n    },\n    "status": {\n        "disruptionsAllowed": 0,\n        "currentHealthy": 0,\n        "desiredHealthy": 0,\n        "expectedPods": 0\n    }\n}\n',
  ],
  [
    'kubectl create poddisruptionbudget p -n prod --selector=app=web,tier==db,canary --min-available=2 --dry-run=client -o yaml',
    'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  creationTimestamp: null\n  name: p\n  namespace: prod\nspec:\n  minAvailable: 2\n  selector:\n    matchExpressions:\n    - key: canary\n      operator: Exists\n    matchLabels:\n      app: web\n      tier: db\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n',
  ],
  [
    'kubectl create ingress simple --rule=foo.com/bar=svc1:8080,tls=my-cert --dry-run=client -o yaml',
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  creationTimestamp: null\n  name: simple\nspec:\n  rules:\n  - host: foo.com\n    http:\n      paths:\n      - backend:\n          service:\n            name: svc1\n            port:\n              number: 8080\n        path: /bar\n        pathType: Exact\n  tls:\n  - hosts:\n    - foo.com\n    secretName: my-cert\nstatus:\n  loadBalancer: {}\n',
  ],
  [
    'kubectl create ingress x --class=nginx --rule=foo.com/*=svc:http,tls --rule=foo.com/admin=adm:80 --rule=bar.com/*=b:81,tls=s2 --default-backend=defsvc:80 --annotation=a=b --dry-run=client -o json',
    '{\n    "kind": "Ingress",\n    "apiVersion": "networking.k8s.io/v1",\n    "metadata": {\n        "name": "x",\n        "creationTimestamp": null,\n        "annotations": {\n            "a": "b"\n        }\n    },\n    "spec": {\n        "ingressClassName": "nginx",\n        "defaultBackend": {\n            "service": {\n                "name": "defsvc",\n                "port": {\n                    "number": 80\n                }\n            }\n        },\n        "tls": [\n            {\n                "hosts": [\n                    "foo.com"\n                ]\n            },\n            {\n                "hosts": [\n                    "bar.com"\n                ],\n                "secretName": "s2"\n            }\n        ],\n        "rules": [\n            {\n                "host": "foo.com",\n                "http": {\n                    "paths": [\n                        {\n                            "path": "/",\n                            "pathType": "Prefix",\n                            "backend": {\n                                "service": {\n                                    "name": "svc",\n                                    "port": {\n                                        "name": "http"\n                                    }\n                                }\n                            }\n                        },\n                        {\n                            "path": "/admin",\n                            "pathType": "Exact",\n                            "backend": {\n                                "service": {\n                                    "name": "adm",\n                                    "port": {\n                                        "number": 80\n                                    }\n                                }\n                            }\n                        }\n                    ]\n                }\n            },\n            {\n                "host": "bar.com",\n                "http": {\n                    "paths": [\n                        {\n                            "path": "/",\n                            "pathType": "Prefix",\n                            "backend": {\n                                "service": {\n                                    "name": "b",\n                                    "port": {\n                                        "number": 81\n                                    }\n                                }\n                            }\n                        }\n                    ]\n                }\n            }\n        ]\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
  ],
  [
    'kubectl create ingress catch-all --class=otheringress --rule=/path=svc:port --dry-run=client -o yaml',
    'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  creationTimestamp: null\n  name: catch-all\nspec:\n  ingressClassName: otheringress\n  rules:\n  - http:\n      paths:\n      - backend:\n          service:\n            name: svc\n            port:\n              name: port\n        path: /path\n        pathType: Exact\nstatus:\n  loadBalancer: {}\n',
  ],
  [
    "kubectl create priorityclass high --value=1000 --description='high priority' --dry-run=client -o yaml",
    'apiVersion: scheduling.k8s.io/v1\ndescription: high priority\nkind: PriorityClass\nmetadata:\n  creationTimestamp: null\n  name: high\npreemptionPolicy: PreemptLowerPriority\nvalue: 1000\n',
  ],
  [
    'kubectl create priorityclass high --value=1000 --global-default --preemption-policy=Never --dry-run=client -o json',
    '{\n    "kind": "PriorityClass",\n    "apiVersion": "scheduling.k8s.io/v1",\n    "metadata": {\n        "name": "high",\n        "creationTimestamp": null\n    },\n    "value": 1000,\n    "globalDefault": true,\n    "preemptionPolicy": "Never"\n}\n',
  ],
  [
    'kubectl create serviceaccount sa1 --dry-run=client -o yaml',
    'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  creationTimestamp: null\n  name: sa1\n',
  ],
  [
    'kubectl create sa sa1 --dry-run=client -o json',
    '{\n    "kind": "ServiceAccount",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "sa1",\n        "creationTimestamp": null\n    }\n}\n',
  ],
  [
    'kubectl create rolebinding rb --role=r --user=bob --group=devs --serviceaccount=default:sa1 --dry-run=client -o yaml',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  creationTimestamp: null\n  name: rb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: Role\n  name: r\nsubjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: User\n  name: bob\n- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: devs\n- kind: ServiceAccount\n  name: sa1\n  namespace: default\n',
  ],
  [
    'kubectl create rolebinding rb --clusterrole=view --serviceaccount=default:sa1 --dry-run=client -o json',
    '{\n    "kind": "RoleBinding",\n    "apiVersion": "rbac.authorization.k8s.io/v1",\n    "metadata": {\n        "name": "rb",\n        "creationTimestamp": null\n    },\n    "subjects": [\n        {\n            "kind": "ServiceAccount",\n            "name": "sa1",\n            "namespace": "default"\n        }\n    ],\n    "roleRef": {\n        "apiGroup": "rbac.authorization.k8s.io",\n        "kind": "ClusterRole",\n        "name": "view"\n    }\n}\n',
  ],
  [
    'kubectl create clusterrolebinding crb --clusterrole=cr --group=g1 --dry-run=client -o yaml',
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  creationTimestamp: null\n  name: crb\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ClusterRole\n  name: cr\nsubjects:\n- apiGroup: rbac.authorization.k8s.io\n  kind: Group\n  name: g1\n',
  ],
  [
    'kubectl create clusterrolebinding crb --clusterrole=cr --user=u --dry-run=client -o json',
    '{\n    "kind": "ClusterRoleBinding",\n    "apiVersion": "rbac.authorization.k8s.io/v1",\n    "metadata": {\n        "name": "crb",\n        "creationTimestamp": null\n    },\n    "subjects": [\n        {\n            "kind": "User",\n            "apiGroup": "rbac.authorization.k8s.io",\n            "name": "u"\n        }\n    ],\n    "roleRef": {\n        "apiGroup": "rbac.authorization.k8s.io",\n        "kind": "ClusterRole",\n        "name": "cr"\n    }\n}\n',
  ],
  [
    'kubectl create secret docker-registry reg --docker-server=r.io --docker-username=u --docker-password=p --docker-email=e@x --dry-run=client -o yaml',
    'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJyLmlvIjp7InVzZXJuYW1lIjoidSIsInBhc3N3b3JkIjoicCIsImVtYWlsIjoiZUB4IiwiYXV0aCI6ImRUcHcifX19\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: reg\ntype: kubernetes.io/dockerconfigjson\n',
  ],
  [
    'kubectl create secret docker-registry reg --docker-username=a --docker-password=b --dry-run=client -o json',
    '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "reg",\n        "creationTimestamp": null\n    },\n    "data": {\n        ".dockerconfigjson": "eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJhIiwicGFzc3dvcmQiOiJiIiwiYXV0aCI6IllUcGkifX19"\n    },\n    "type": "kubernetes.io/dockerconfigjson"\n}\n',
  ],
  [
    'kubectl create pdb my-pdb --selector=app=web --min-available=1 --dry-run=client',
    'poddisruptionbudget.policy/my-pdb created (dry run)\n',
  ],
  [
    'kubectl create ingress simple --rule=foo.com/bar=svc1:8080 --dry-run=client',
    'ingress.networking.k8s.io/simple created (dry run)\n',
  ],
  [
    'kubectl create priorityclass p --value=5 --dry-run=client',
    'priorityclass.scheduling.k8s.io/p created (dry run)\n',
  ],
  ['kubectl create sa s --dry-run=client -o name', 'serviceaccount/s\n'],
];

const ERRORS: [string, string][] = [
  ['kubectl create pdb x --dry-run=client', 'error: a selector must be specified\n'],
  [
    'kubectl create pdb x --selector=a=b --dry-run=client',
    'error: one of min-available or max-unavailable must be specified\n',
  ],
  [
    'kubectl create pdb x --selector=a=b --min-available=1 --max-unavailable=1 --dry-run=client',
    'error: min-available and max-unavailable cannot be both specified\n',
  ],
  [
    'kubectl create pdb x --selector=a=b --min-available=1x --dry-run=client',
    'error: invalid format specified for min-available\n',
  ],
  [
    'kubectl create ingress x --dry-run=client',
    'error: not enough information provided: every ingress has to either specify a default-backend (which catches all traffic) or a list of rules (which catch specific paths)\n',
  ],
  [
    'kubectl create ingress x --rule=foo --dry-run=client',
    'error: rule foo is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]\n',
  ],
  [
    'kubectl create rolebinding x --dry-run=client',
    'error: exactly one of clusterrole or role must be specified\n',
  ],
  [
    'kubectl create rolebinding x --role=a --serviceaccount=foo --dry-run=client',
    'error: serviceaccount must be <namespace>:<name>\n',
  ],
  [
    'kubectl create sa --dry-run=client',
    "error: exactly one NAME is required, got 0\nSee 'kubectl create serviceaccount -h' for help and examples\n",
  ],
  ['kubectl create role r --dry-run=client', 'error: at least one verb must be specified\n'],
  [
    'kubectl create role r --verb=get --dry-run=client',
    'error: at least one resource must be specified\n',
  ],
  [
    'kubectl create clusterrole r --verb=get --dry-run=client',
    'error: one of resource or nonResourceURL must be specified\n',
  ],
  [
    'kubectl create secret docker-registry x --dry-run=client',
    'error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n',
  ],
];

describe('kubectl create (policy, networking, rbac) --dry-run=client', () => {
  it.each(CASES)('%s', (cmd, want) => {
    const { out, err } = run(cmd);
    expect(err).toBe('');
    expect(out).toBe(want);
  });
  it.each(ERRORS)('%s', (cmd, want) => {
    expect(run(cmd).err).toBe(want);
  });
});

describe('kubectl create role', () => {
  // create_role.go generateResourcePolicyRules: one rule per API group, groups sorted.
  it('groups resources by API group and maps short names', () => {
    const { out } = run(
      'kubectl create role r --verb=get,list --resource=pods,rs.apps,deploy --resource=pods/log --dry-run=client -o yaml',
    );
    expect(out).toBe(
      'apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  creationTimestamp: null\n  name: r\nrules:\n- apiGroups:\n  - ""\n  resources:\n  - pods\n  - pods/log\n  verbs:\n  - get\n  - list\n- apiGroups:\n  - apps\n  resources:\n  - replicasets\n  - deployments\n  verbs:\n  - get\n  - list\n',
    );
  });
  it('creates objects the API server stores', () => {
    const { out, err } = run(
      [
        'kubectl create role pod-reader --verb=get --resource=pods',
        'kubectl create rolebinding rb --role=pod-reader --serviceaccount=default:default',
        'kubectl create clusterrole nodes --verb=get --resource=nodes',
        'kubectl create clusterrolebinding nb --clusterrole=nodes --user=alice',
        'kubectl create sa builder',
        'kubectl create pdb web --selector=app=web --min-available=1',
        'kubectl create priorityclass high --value=1000',
        'kubectl create ingress web --rule=foo.com/*=web:80',
        'kubectl get pdb/web sa/builder priorityclass/high -o name',
      ].join('\n'),
    );
    expect(err).toBe('');
    expect(out).toBe(
      [
        'role.rbac.authorization.k8s.io/pod-reader created',
        'rolebinding.rbac.authorization.k8s.io/rb created',
        'clusterrole.rbac.authorization.k8s.io/nodes created',
        'clusterrolebinding.rbac.authorization.k8s.io/nb created',
        'serviceaccount/builder created',
        'poddisruptionbudget.policy/web created',
        'priorityclass.scheduling.k8s.io/high created',
        'ingress.networking.k8s.io/web created',
        'poddisruptionbudget.policy/web',
        'serviceaccount/builder',
        'priorityclass.scheduling.k8s.io/high',
        '',
      ].join('\n'),
    );
  });
});
