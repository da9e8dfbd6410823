/**
 * describe for HPA, PDB, Ingress, CronJob, Endpoints and PVC: section names, order and wording
 * of k8s.io/kubectl/pkg/describe/describe.go (describeHorizontalPodAutoscalerV2 and others).
 */
import { describe, expect, it } from 'vitest';
import { run } from './transcript';

const SETUP = `kubectl create deployment web --image=nginx
kubectl autoscale deployment web --cpu-percent=50 --min=1 --max=5
kubectl expose deployment web --port=80
kubectl create pdb web --selector=app=web --min-available=1
kubectl create ingress web --class=nginx --rule=foo.com/*=web:80,tls=cert
kubectl create cronjob cj --image=busybox --schedule='*/5 * * * *'
kubectl apply -f - <<YAML
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
YAML
sleep 90s
`;

/** The describe output alone (the seven setup commands print one line each). */
const described = (cmd: string) =>
  run(SETUP + cmd)
    .out.split('\n')
    .slice(7)
    .join('\n');
const lines = (cmd: string) => described(cmd).split('\n');

describe('kubectl describe (policy, network, storage kinds)', () => {
  it('hpa: reference, metrics table, replicas, conditions', () => {
    const l = lines('kubectl describe hpa web');
    expect(l.map((x) => x.split(':')[0]).slice(0, 7)).toEqual([
      'Name',
      'Namespace',
      'Labels',
      'Annotations',
      'CreationTimestamp',
      'Reference',
      'Metrics',
    ]);
    expect(l[5]).toMatch(/^Reference:\s+Deployment\/web$/);
    expect(l[6]).toMatch(/^Metrics:\s+\( current \/ target \)$/);
    expect(l[7]).toMatch(
      /^ {2}resource cpu on pods {2}\(as a percentage of request\): {2}\S.* \/ 50%$/,
    );
    expect(l[8]).toMatch(/^Min replicas:\s+1$/);
    expect(l[9]).toMatch(/^Max replicas:\s+5$/);
    expect(l[10]).toMatch(/^Deployment pods:\s+1 current \/ \d desired$/);
    expect(l[11]).toBe('Conditions:');
    expect(l[12]).toMatch(/^ {2}Type\s+Status\s+Reason\s+Message$/);
    expect(l).toContain('Events:');
  });

  it('pdb: budget and status block', () => {
    expect(described('kubectl describe pdb web')).toBe(
      'Name:           web\nNamespace:      default\nMin available:  1\nSelector:       app=web\nStatus:\n    Allowed disruptions:  0\n    Current:              1\n    Desired:              1\n    Total:                1\nEvents:                   <none>\n',
    );
  });

  it('ingress: class, TLS and rules with backends', () => {
    const l = lines('kubectl describe ingress web');
    expect(l.slice(0, 9)).toEqual([
      'Name:             web',
      'Labels:           <none>',
      'Namespace:        default',
      expect.stringMatching(/^Address:\s+\S*$/),
      'Ingress Class:    nginx',
      'Default backend:  <default>',
      'TLS:',
      '  cert terminates foo.com',
      'Rules:',
    ]);
    expect(l[12]).toMatch(/^ {14}\/ {3}web:80 \(10\.244\.\d+\.\d+:80\)$/);
  });

  it('cronjob: schedule, limits, template, active jobs', () => {
    const l = lines('kubectl describe cronjob cj');
    expect(l).toContain('Schedule:                      */5 * * * *');
    expect(l).toContain('Concurrency Policy:            Allow');
    expect(l).toContain('Successful Job History Limit:  3');
    expect(l).toContain('Starting Deadline Seconds:     <unset>');
    expect(l).toContain('Pod Template:');
    expect(l.find((x) => x.startsWith('Active Jobs:'))).toMatch(/^Active Jobs:\s+<none>$/);
  });

  it('endpoints: subsets with ports', () => {
    const l = lines('kubectl describe endpoints web');
    expect(l[4]).toBe('Subsets:');
    expect(l[5]).toMatch(/^ {2}Addresses:\s+10\.244\.\d+\.\d+$/);
    expect(l[6]).toMatch(/^ {2}NotReadyAddresses:\s+<none>$/);
    expect(l[9]).toMatch(/^ {4}----\s+----\s+--------$/);
    expect(l[10]).toMatch(/^ {4}<unset>\s+80\s+TCP$/);
  });

  it('pvc: bound volume, capacity and access modes', () => {
    const l = lines('kubectl describe pvc data');
    expect(l[3]).toMatch(/^Status:\s+Bound$/);
    expect(l).toContain('Capacity:      1Gi');
    expect(l).toContain('Access Modes:  RWO');
    expect(l).toContain('Used By:       <none>');
  });

  it('pv: claim, reclaim policy and source', () => {
    const out = described('kubectl describe pv');
    expect(out).toMatch(/\nClaim:\s+default\/data\n/);
    expect(out).toMatch(/\nReclaim Policy:\s+Delete\n/);
    expect(out).toMatch(/\nSource:\n/);
  });
});
