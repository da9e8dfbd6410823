/**
 * A first session with a Deployment and a Service, printed exactly as kubectl 1.35 prints it
 * (tabwriter columns, AGE in simulated time, describe sections, YAML quoting, delete wording).
 */
import { it } from 'vitest';
import { expectLines, transcript } from './transcript';

const SCRIPT = `kubectl create deployment web --image=nginx --replicas=2
kubectl expose deployment web --port=80
sleep 30s
kubectl get deploy,rs,svc -o wide
kubectl get pods -o wide --show-labels
kubectl describe deployment web
kubectl describe service web
kubectl get svc web -o yaml
kubectl scale deployment web --replicas=3
sleep 1m
kubectl get pods
kubectl delete deployment web
kubectl delete svc web
kubectl get all
`;

const EXPECTED = `$ kubectl create deployment web --image=nginx --replicas=2
deployment.apps/web created
$ kubectl expose deployment web --port=80
service/web exposed
$ sleep 30s
$ kubectl get deploy,rs,svc -o wide
NAME                  READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR
deployment.apps/web   2/2     2            2           30s   nginx        nginx    app=web

NAME                             DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES   SELECTOR
replicaset.apps/web-7957885594   2         2         2       30s   nginx        nginx    app=web,pod-template-hash=7957885594

NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)   AGE     SELECTOR
service/kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP   5m30s   <none>
service/web          ClusterIP   10.96.134.226   <none>        80/TCP    30s     app=web
$ kubectl get pods -o wide --show-labels
NAME                   READY   STATUS    RESTARTS   AGE   IP           NODE     NOMINATED NODE   READINESS GATES   LABELS
web-7957885594-m6cxz   1/1     Running   0          30s   10.244.2.2   node-2   <none>           <none>            app=web,pod-template-hash=7957885594
web-7957885594-pstxp   1/1     Running   0          30s   10.244.3.3   node-3   <none>           <none>            app=web,pod-template-hash=7957885594
$ kubectl describe deployment web
Name:                   web
Namespace:              default
CreationTimestamp:      Mon, 05 Jan 2026 09:00:00 +0000
Labels:                 app=web
Annotations:            deployment.kubernetes.io/revision: 1
Selector:               app=web
Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable
StrategyType:           RollingUpdate
MinReadySeconds:        0
RollingUpdateStrategy:  25% max unavailable, 25% max surge
Pod Template:
  Labels:  app=web
  Containers:
   nginx:
    Image:         nginx
    Port:          <none>
    Host Port:     <none>
    Environment:   <none>
    Mounts:        <none>
  Volumes:         <none>
  Node-Selectors:  <none>
  Tolerations:     <none>
Conditions:
  Type           Status  Reason
  ----           ------  ------
  Available      True    MinimumReplicasAvailable
  Progressing    True    NewReplicaSetAvailable
OldReplicaSets:  <none>
NewReplicaSet:   web-7957885594 (2/2 replicas created)
Events:
  Type    Reason             Age   From                   Message
  ----    ------             ----  ----                   -------
  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-7957885594 from 0 to 2
$ kubectl describe service web
Name:                     web
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     ClusterIP
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.96.134.226
IPs:                      10.96.134.226
Port:                     <unset>  80/TCP
TargetPort:               80/TCP
Endpoints:                10.244.2.2:80,10.244.3.3:80
Session Affinity:         None
Internal Traffic Policy:  Cluster
Events:                   <none>
$ kubectl get svc web -o yaml
apiVersion: v1
kind: Service
metadata:
  creationTimestamp: "2026-01-05T09:00:00Z"
  labels:
    app: web
  name: web
  namespace: default
  resourceVersion: "<rv>"
  uid: <uid>
spec:
  clusterIP: 10.96.134.226
  clusterIPs:
  - 10.96.134.226
  internalTrafficPolicy: Cluster
  ipFamilies:
  - IPv4
  ipFamilyPolicy: SingleStack
  ports:
  - port: 80
    protocol: TCP
    targetPort: 80
  selector:
    app: web
  sessionAffinity: None
  type: ClusterIP
status:
  loadBalancer: {}
$ kubectl scale deployment web --replicas=3
deployment.apps/web scaled
$ sleep 1m
$ kubectl get pods
NAME                   READY   STATUS    RESTARTS   AGE
web-7957885594-m6cxz   1/1     Running   0          90s
web-7957885594-nj22c   1/1     Running   0          60s
web-7957885594-pstxp   1/1     Running   0          90s
$ kubectl delete deployment web
deployment.apps "web" deleted from default namespace
$ kubectl delete svc web
service "web" deleted from default namespace
$ kubectl get all
NAME                       READY   STATUS    RESTARTS   AGE
pod/web-7957885594-m6cxz   1/1     Running   0          90s
pod/web-7957885594-nj22c   1/1     Running   0          60s
pod/web-7957885594-pstxp   1/1     Running   0          90s

NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE
service/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   6m30s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-7957885594   3         3         3       90s
`;

it('prints a Deployment and Service session line for line', () => {
  expectLines(transcript(SCRIPT), EXPECTED);
});
