/**
 * Client-side objects, byte for byte: each expected text was printed by the real kubectl binary
 * (v1.32, no server needed for --dry-run=client) for the same command line. YAML keys are sorted;
 * JSON of the typed objects follows Go struct order (kind before apiVersion, name first).
 */
import { describe, expect, it } from 'vitest';
import { bufferIo } from '../../src/engine/command';
import { runScript } from '../../src/scenario/run';

const CASES: [string, string][] = [
  [
    'kubectl create deployment web --image=nginx --dry-run=client -o yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n',
  ],
  [
    'kubectl create deployment web --image=nginx --dry-run=client -o json',
    '{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "web",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "web"\n        }\n    },\n    "spec": {\n        "replicas": 1,\n        "selector": {\n            "matchLabels": {\n                "app": "web"\n            }\n        },\n        "template": {\n            "metadata": {\n                "creationTimestamp": null,\n                "labels": {\n                    "app": "web"\n                }\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "nginx",\n                        "image": "nginx",\n                        "resources": {}\n                    }\n                ]\n            }\n        },\n        "strategy": {}\n    },\n    "status": {}\n}\n',
  ],
  [
    'kubectl create deployment web --image=nginx:1.27 --image=redis --port=80 --replicas=3 --dry-run=client -o yaml',
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.27\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\n      - image: redis\n        name: redis\n        resources: {}\nstatus: {}\n',
  ],
  [
    'kubectl create deployment web --image=busybox --dry-run=client -o json -- sleep 3600',
    '{\n    "kind": "Deployment",\n    "apiVersion": "apps/v1",\n    "metadata": {\n        "name": "web",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "web"\n        }\n    },\n    "spec": {\n        "replicas": 1,\n        "selector": {\n            "matchLabels": {\n                "app": "web"\n            }\n        },\n        "template": {\n            "metadata": {\n                "creationTimestamp": null,\n                "labels": {\n                    "app": "web"\n                }\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "busybox",\n                        "image": "busybox",\n                        "command": [\n                            "sleep",\n                            "3600"\n                        ],\n                        "resources": {}\n                    }\n                ]\n            }\n        },\n        "strategy": {}\n    },\n    "status": {}\n}\n',
  ],
  [
    'kubectl create job j --image=busybox --dry-run=client -o yaml -- echo hi',
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  creationTimestamp: null\n  name: j\nspec:\n  template:\n    metadata:\n      creationTimestamp: null\n    spec:\n      containers:\n      - command:\n        - echo\n        - hi\n        image: busybox\n        name: j\n        resources: {}\n      restartPolicy: Never\nstatus: {}\n',
  ],
  [
    'kubectl create job j --image=busybox --dry-run=client -o json',
    '{\n    "kind": "Job",\n    "apiVersion": "batch/v1",\n    "metadata": {\n        "name": "j",\n        "creationTimestamp": null\n    },\n    "spec": {\n        "template": {\n            "metadata": {\n                "creationTimestamp": null\n            },\n            "spec": {\n                "containers": [\n                    {\n                        "name": "j",\n                        "image": "busybox",\n                        "resources": {}\n                    }\n                ],\n                "restartPolicy": "Never"\n            }\n        }\n    },\n    "status": {}\n}\n',
  ],
  [
    "kubectl create cronjob cj --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml",
    "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  creationTimestamp: null\n  name: cj\nspec:\n  jobTemplate:\n    metadata:\n      creationTimestamp: null\n      name: cj\n    spec:\n      template:\n        metadata:\n          creationTimestamp: null\n        spec:\n          containers:\n          - image: busybox\n            name: cj\n            resources: {}\n          restartPolicy: OnFailure\n  schedule: '*/1 * * * *'\nstatus: {}\n",
  ],
  [
    "kubectl create cronjob cj --image=busybox --schedule='*/1 * * * *' --dry-run=client -o json",
    '{\n    "kind": "CronJob",\n    "apiVersion": "batch/v1",\n    "metadata": {\n        "name": "cj",\n        "creationTimestamp": null\n    },\n    "spec": {\n        "schedule": "*/1 * * * *",\n        "jobTemplate": {\n            "metadata": {\n                "name": "cj",\n                "creationTimestamp": null\n            },\n            "spec": {\n                "template": {\n                    "metadata": {\n                        "creationTimestamp": null\n                    },\n                    "spec": {\n                        "containers": [\n                            {\n                                "name": "cj",\n                                "image": "busybox",\n                                "resources": {}\n                            }\n                        ],\n                        "restartPolicy": "OnFailure"\n                    }\n                }\n            }\n        }\n    },\n    "status": {}\n}\n',
  ],
  [
    'kubectl create configmap cfg --from-literal=a=1 --from-literal=b=true --dry-run=client -o yaml',
    'apiVersion: v1\ndata:\n  a: "1"\n  b: "true"\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cfg\n',
  ],
  [
    'kubectl create configmap cfg --from-literal=a=1 --dry-run=client -o json',
    '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "cfg",\n        "creationTimestamp": null\n    },\n    "data": {\n        "a": "1"\n    }\n}\n',
  ],
  [
    'kubectl create secret generic s --from-literal=password=hunter2 --dry-run=client -o yaml',
    'apiVersion: v1\ndata:\n  password: aHVudGVyMg==\nkind: Secret\nmetadata:\n  creationTimestamp: null\n  name: s\n',
  ],
  [
    'kubectl create secret generic s --from-literal=password=hunter2 --dry-run=client -o json',
    '{\n    "kind": "Secret",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "s",\n        "creationTimestamp": null\n    },\n    "data": {\n        "password": "aHVudGVyMg=="\n    }\n}\n',
  ],
  [
    'kubectl create namespace dev --dry-run=client -o yaml',
    'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: dev\nspec: {}\nstatus: {}\n',
  ],
  [
    'kubectl create namespace dev --dry-run=client -o json',
    '{\n    "kind": "Namespace",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "dev",\n        "creationTimestamp": null\n    },\n    "spec": {},\n    "status": {}\n}\n',
  ],
  [
    'kubectl create service clusterip web --tcp=80:8080 --dry-run=client -o yaml',
    'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  ports:\n  - name: 80-8080\n    port: 80\n    protocol: TCP\n    targetPort: 8080\n  selector:\n    app: web\n  type: ClusterIP\nstatus:\n  loadBalancer: {}\n',
  ],
  [
    'kubectl create service nodeport web --tcp=80:8080 --node-port=30080 --dry-run=client -o json',
    '{\n    "kind": "Service",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "web",\n        "creationTimestamp": null,\n        "labels": {\n            "app": "web"\n        }\n    },\n    "spec": {\n        "ports": [\n            {\n                "name": "80-8080",\n                "protocol": "TCP",\n                "port": 80,\n                "targetPort": 8080,\n                "nodePort": 30080\n            }\n        ],\n        "selector": {\n            "app": "web"\n        },\n        "type": "NodePort"\n    },\n    "status": {\n        "loadBalancer": {}\n    }\n}\n',
  ],
  ['kubectl create deployment web --image=nginx --dry-run=client -o name', 'deployment.apps/web\n'],
  [
    'kubectl create deployment web --image=nginx --dry-run=client',
    'deployment.apps/web created (dry run)\n',
  ],
];

describe('kubectl create/run --dry-run=client prints what real kubectl prints', () => {
  it.each(CASES)('%s', (command, expected) => {
    const io = bufferIo();
    runScript(command + '\n', io, { seed: 1 });
    expect(io.stderr).toBe('');
    expect(io.stdout).toBe(expected);
  });
});
