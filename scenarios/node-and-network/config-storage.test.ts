/**
 * ConfigMaps, Secrets, PersistentVolumeClaims and namespaces as a pod sees them
 * (https://kubernetes.io/docs/concepts/configuration/configmap/,
 * https://kubernetes.io/docs/concepts/storage/persistent-volumes/).
 */
import { describe, expect, it } from 'vitest';
import { rows, run, type Json } from './session';

describe('ConfigMap and Secret', () => {
  const s =
    run(`kubectl create configmap app-config --from-literal=GREETING=hello --from-literal=COLOR=blue
kubectl create secret generic app-secret --from-literal=PASSWORD=s3cr3t
kubectl apply -f - <<EOF
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    env:
    - name: GREETING
      valueFrom:
        configMapKeyRef: {name: app-config, key: GREETING}
    - name: PASSWORD
      valueFrom:
        secretKeyRef: {name: app-secret, key: PASSWORD}
    envFrom:
    - configMapRef: {name: app-config}
      prefix: CFG_
    volumeMounts:
    - name: config
      mountPath: /etc/config
    - name: secret
      mountPath: /etc/secret
      readOnly: true
  volumes:
  - name: config
    configMap: {name: app-config}
  - name: secret
    secret: {secretName: app-secret}
---
apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sleep", "3600"]
    envFrom:
    - configMapRef: {name: missing-config}
EOF
sleep 20s
kubectl exec app -- printenv GREETING PASSWORD CFG_COLOR
kubectl exec app -- cat /etc/config/COLOR
kubectl exec app -- cat /etc/secret/PASSWORD
kubectl exec app -- ls /etc/config
kubectl get pod broken
kubectl get pod broken -o jsonpath={.status.containerStatuses[0].state.waiting}
kubectl get events --field-selector involvedObject.name=broken,reason=Failed -o json
kubectl create configmap missing-config --from-literal=A=1
sleep 15s
kubectl get pod broken
`);

  it('injects keys as environment variables (valueFrom and envFrom with a prefix)', () => {
    expect(s.out('kubectl exec app -- printenv')).toBe('hello\ns3cr3t\nblue\n');
  });

  it('mounts keys as files, Secrets decoded', () => {
    // The values have no trailing newline (the session helper ends each output with one).
    expect(s.out('kubectl exec app -- cat /etc/config/COLOR')).toBe('blue\n');
    expect(s.out('kubectl exec app -- cat /etc/secret/PASSWORD')).toBe('s3cr3t\n');
    expect(s.out('kubectl exec app -- ls /etc/config')).toBe('COLOR\nGREETING\n');
  });

  it('holds a pod whose ConfigMap is missing in CreateContainerConfigError until it exists', () => {
    expect(rows(s.out('kubectl get pod broken\n', 0))[0].slice(1, 4)).toEqual([
      '0/1',
      'CreateContainerConfigError',
      '0',
    ]);
    expect(s.json('kubectl get pod broken -o jsonpath')).toEqual({
      reason: 'CreateContainerConfigError',
      message: 'configmap "missing-config" not found',
    });
    const failed = s.json('kubectl get events').items[0];
    expect(failed).toMatchObject({
      type: 'Warning',
      message: 'Error: configmap "missing-config" not found',
    });
    expect(rows(s.out('kubectl get pod broken\n', 1))[0].slice(1, 4)).toEqual([
      '1/1',
      'Running',
      '0',
    ]);
  });
});

describe('a PersistentVolumeClaim outlives its pod', () => {
  const s = run(`kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: writer
spec:
  replicas: 1
  selector:
    matchLabels: {app: writer}
  template:
    metadata:
      labels: {app: writer}
    spec:
      containers:
      - name: app
        image: busybox:1.36
        command: ["sleep", "3600"]
        volumeMounts:
        - name: data
          mountPath: /data
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: data}
EOF
sleep 20s
kubectl get pvc data -o json
kubectl get pv -o json
kubectl get pods -l app=writer -o jsonpath={.items[0].metadata.name}
kubectl exec deploy/writer -- sh -c 'echo hi > /data/x'
kubectl delete pod -l app=writer
sleep 20s
kubectl get pods -l app=writer -o jsonpath={.items[*].metadata.name}
kubectl exec deploy/writer -- cat /data/x
`);

  it('binds the claim to a dynamically provisioned volume', () => {
    const pvc = s.json('kubectl get pvc data -o json');
    expect(pvc.status.phase).toBe('Bound');
    expect(pvc.spec.volumeName).toMatch(/^pvc-[0-9a-f-]{36}$/);
    const pv = (s.json('kubectl get pv -o json').items as Json[]).find(
      (v) => v.metadata.name === pvc.spec.volumeName,
    )!;
    expect(pv.status.phase).toBe('Bound');
    expect(pv.spec.claimRef).toMatchObject({ namespace: 'default', name: 'data' });
    expect(pv.spec.capacity.storage).toBe('1Gi');
    expect(pv.spec.persistentVolumeReclaimPolicy).toBe('Delete');
  });

  it('keeps the data for the replacement pod', () => {
    const first = s.out('kubectl get pods -l app=writer -o jsonpath={.items[0]').trim();
    const second = s.out('kubectl get pods -l app=writer -o jsonpath={.items[*]').trim();
    expect(second).not.toBe(first);
    expect(second.split(' ')).toHaveLength(1);
    expect(s.out('kubectl exec deploy/writer -- cat /data/x')).toBe('hi\n');
  });
});

describe('namespaces', () => {
  const s = run(`kubectl create namespace team-a
kubectl run web --image=nginx:1.27
kubectl run web --image=nginx:1.27 -n team-a
kubectl run api --image=nginx:1.27 --namespace=team-a
sleep 10s
kubectl get pods
kubectl get pods -n team-a
kubectl get pods -A
kubectl delete pod web -n team-a
kubectl get pods -n team-a
`);

  it('scopes names and listings with -n and -A', () => {
    expect(rows(s.out('kubectl get pods\n')).map((r) => r[0])).toEqual(['web']);
    expect(rows(s.out('kubectl get pods -n team-a\n', 0)).map((r) => r[0])).toEqual(['api', 'web']);
    const all = rows(s.out('kubectl get pods -A'));
    expect(all.filter((r) => r[1] === 'web').map((r) => r[0])).toEqual(['default', 'team-a']);
    expect(all.some((r) => r[0] === 'kube-system')).toBe(true);
    expect(s.out('kubectl delete pod web -n team-a')).toBe(
      'pod "web" deleted from team-a namespace\n',
    );
    expect(rows(s.out('kubectl get pods -n team-a\n', 1)).map((r) => r[0])).toEqual(['api']);
  });
});
