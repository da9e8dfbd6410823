import { describe, expect, it } from 'vitest';
import { structOrdered } from './structorder';

const keys = (o: unknown) => Object.keys(o as object);

describe('structOrdered (Go struct field order of typed objects)', () => {
  it('puts TypeMeta kind before apiVersion and ObjectMeta name before creationTimestamp', () => {
    const o = structOrdered({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null, labels: { run: 'x' }, name: 'x' },
      spec: { dnsPolicy: 'ClusterFirst', restartPolicy: 'Always', containers: [] },
      status: {},
    })!;
    expect(keys(o)).toEqual(['kind', 'apiVersion', 'metadata', 'spec', 'status']);
    expect(keys(o.metadata)).toEqual(['name', 'creationTimestamp', 'labels']);
    expect(keys(o.spec)).toEqual(['containers', 'restartPolicy', 'dnsPolicy']);
  });

  it('orders nested structs in lists (ServicePort) and sorts Go map keys', () => {
    const o = structOrdered({
      kind: 'Service',
      spec: {
        type: 'NodePort',
        selector: { b: '1', a: '2' },
        ports: [{ targetPort: 80, port: 8080, nodePort: 30080, name: 'http', protocol: 'TCP' }],
      },
    })! as { spec: { ports: object[]; selector: object } };
    expect(keys(o.spec)).toEqual(['ports', 'selector', 'type']);
    expect(keys(o.spec.ports[0])).toEqual(['name', 'protocol', 'port', 'targetPort', 'nodePort']);
    expect(keys(o.spec.selector)).toEqual(['a', 'b']);
  });

  it('has no order for kinds kubectl only handles as unstructured', () => {
    expect(structOrdered({ kind: 'Widget' })).toBeUndefined();
  });
});
