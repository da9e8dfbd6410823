import { describe, expect, it } from 'vitest';
import { activeBoxes, boxOf } from './activity';

describe('control-plane activity', () => {
  it.each([
    ['default-scheduler', 'scheduler'],
    ['replicaset-controller', 'controllers'],
    ['deployment-controller', 'controllers'],
    ['garbage-collector', 'controllers'],
    ['kubelet/node-2', 'kubelet:node-2'],
    ['kube-proxy', 'proxy:*'],
    ['ingress-nginx-controller', 'other'],
    ['traffic-generator', 'other'],
  ])('%s belongs to %s', (c, box) => expect(boxOf(c)).toBe(box));

  it('writes light the apiserver and etcd; kube-proxy lights every node', () => {
    const s = activeBoxes({ 'kube-proxy': 1, 'kubelet/node-1': 2 }, { Pod: 1 }, [
      'node-1',
      'node-2',
    ]);
    expect([...s].sort()).toEqual([
      'apiserver',
      'etcd',
      'kubelet:node-1',
      'proxy:node-1',
      'proxy:node-2',
    ]);
  });
});
