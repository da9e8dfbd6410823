import { describe, expect, it } from 'vitest';
import { apiServer } from '../testing';

const pvc = (name: string, storageClassName?: string | null) => ({
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    ...(storageClassName !== undefined ? { storageClassName } : {}),
  },
});

describe('DefaultStorageClass admission', () => {
  it('gives a claim without a class the default StorageClass, and leaves "" alone', () => {
    const sim = apiServer();
    sim.store.create({
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: {
        name: 'fast',
        annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
      },
      provisioner: 'example.com/fast',
    });
    expect(sim.store.create(pvc('a')).spec.storageClassName).toBe('fast');
    expect(sim.store.create(pvc('b', '')).spec.storageClassName).toBe('');
    expect(sim.store.create(pvc('c', 'slow')).spec.storageClassName).toBe('slow');
  });

  it('sets nothing when no class is marked default', () => {
    const sim = apiServer();
    expect(sim.store.create(pvc('a')).spec.storageClassName).toBeUndefined();
  });
});
