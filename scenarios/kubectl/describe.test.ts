/**
 * `kubectl describe` as describe.go writes it: several objects separated by two blank lines, the
 * kube-api-access projected volume, default tolerations, long annotations folded under their key,
 * ConfigMap data blocks, and a trailing newline after the Events table.
 */
import { it } from 'vitest';
import { expectLines, transcript } from './transcript';

const SCRIPT = `kubectl run web --image=nginx --port=80 --labels=app=web
kubectl run db --image=redis
sleep 20s
kubectl describe pods
kubectl describe cm kube-root-ca.crt
kubectl describe sa default
`;

it('describes pods, a ConfigMap and a ServiceAccount line for line', () => {
  expectLines(
    transcript(SCRIPT),
    `$ kubectl run web --image=nginx --port=80 --labels=app=web
pod/web created
$ kubectl run db --image=redis
pod/db created
$ sleep 20s
$ kubectl describe pods
Name:             db
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-3/192.168.49.5
Start Time:       Mon, 05 Jan 2026 09:00:00 +0000
Labels:           run=db
Annotations:      <none>
Status:           Running
IP:               10.244.3.3
IPs:
  IP:  10.244.3.3
Containers:
  db:
    Container ID:   containerd://074f731ace9906b4590ecb2a95a4625b0bd65e81170eead8e0c45d63b489ec35
    Image:          redis
    Image ID:       docker.io/library/redis@sha256:82d309df81d3084c84d30d0583d30b727ed303937dd3020080d306b97fd30526
    Port:           <none>
    Host Port:      <none>
    State:          Running
      Started:      Mon, 05 Jan 2026 09:00:04 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-jw4n8 (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-jw4n8:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  20s   default-scheduler  Successfully assigned default/db to node-3
  Normal  Pulling    20s   kubelet            spec.containers{db}: Pulling image "redis:latest"
  Normal  Pulled     17s   kubelet            spec.containers{db}: Successfully pulled image "redis:latest" in 3.327s (3.327s including waiting). Image size: 45709422 bytes.
  Normal  Created    16s   kubelet            spec.containers{db}: Container created
  Normal  Started    16s   kubelet            spec.containers{db}: Container started


Name:             web
Namespace:        default
Priority:         0
Service Account:  default
Node:             node-2/192.168.49.4
Start Time:       Mon, 05 Jan 2026 09:00:00 +0000
Labels:           app=web
Annotations:      <none>
Status:           Running
IP:               10.244.2.2
IPs:
  IP:  10.244.2.2
Containers:
  web:
    Container ID:   containerd://980fd08ac5c29257bbe0f3e35a089870533e38e2be6a83f0d0715f459235d437
    Image:          nginx
    Image ID:       docker.io/library/nginx@sha256:63b8c41664b8c5a961b8c0f062b8c28367b8ca6268b8cbf565b8c73c66b8c8cf
    Port:           80/TCP
    Host Port:      0/TCP
    State:          Running
      Started:      Mon, 05 Jan 2026 09:00:05 +0000
    Ready:          True
    Restart Count:  0
    Environment:    <none>
    Mounts:
      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-9w9tx (ro)
Conditions:
  Type                        Status
  PodReadyToStartContainers   True 
  Initialized                 True 
  Ready                       True 
  ContainersReady             True 
  PodScheduled                True 
Volumes:
  kube-api-access-9w9tx:
    Type:                    Projected (a volume that contains injected data from multiple sources)
    TokenExpirationSeconds:  3607
    ConfigMapName:           kube-root-ca.crt
    ConfigMapOptional:       <nil>
    DownwardAPI:             true
QoS Class:                   BestEffort
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s
Events:
  Type    Reason     Age   From               Message
  ----    ------     ----  ----               -------
  Normal  Scheduled  20s   default-scheduler  Successfully assigned default/web to node-2
  Normal  Pulling    20s   kubelet            spec.containers{web}: Pulling image "nginx:latest"
  Normal  Pulled     15s   kubelet            spec.containers{web}: Successfully pulled image "nginx:latest" in 5.102s (5.102s including waiting). Image size: 72324501 bytes.
  Normal  Created    15s   kubelet            spec.containers{web}: Container created
  Normal  Started    15s   kubelet            spec.containers{web}: Container started
$ kubectl describe cm kube-root-ca.crt
Name:         kube-root-ca.crt
Namespace:    default
Labels:       <none>
Annotations:  kubernetes.io/description:
                Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubern...

Data
====
ca.crt:
----
-----BEGIN CERTIFICATE-----
MIIDBTCCAe2gAwIBAgIIKubeplaySimCAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE
AxMKa3ViZXJuZXRlczAeFw0yNjAxMDUwODU1MDBaFw0zNjAxMDMwOTAwMDBaMBUx
EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK
-----END CERTIFICATE-----



BinaryData
====

Events:  <none>
$ kubectl describe sa default
Name:                default
Namespace:           default
Labels:              <none>
Annotations:         <none>
Image pull secrets:  <none>
Events:              <none>
`,
  );
});
