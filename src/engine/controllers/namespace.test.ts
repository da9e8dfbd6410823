import { describe, expect, it } from 'vitest';
import { namespaceObject } from '../cluster/bootstrap';
import { bareSim, install } from './testing';
import { NamespaceController } from './namespace';
import { ServiceAccountController } from './serviceaccount';
import { RootCaCertPublisher, ROOT_CA_CONFIGMAP } from './rootcacert';

describe('namespace bookkeeping controllers', () => {
  it('a new namespace gets a default ServiceAccount and kube-root-ca.crt; deleting it removes its content', () => {
    const sim = bareSim();
    install(sim, new ServiceAccountController(sim));
    install(sim, new RootCaCertPublisher(sim));
    install(sim, new NamespaceController(sim));
    sim.store.create(namespaceObject('team'));
    sim.runUntilIdle();
    expect(sim.store.get('ServiceAccount', 'team', 'default')).toBeDefined();
    expect(sim.store.get('ConfigMap', 'team', ROOT_CA_CONFIGMAP)!.data['ca.crt']).toContain(
      'BEGIN CERTIFICATE',
    );
    expect(sim.store.get('ServiceAccount', 'kube-system', 'default')).toBeDefined();
    sim.store.delete('Namespace', undefined, 'team');
    sim.runUntilIdle();
    expect(sim.store.get('Namespace', undefined, 'team')).toBeUndefined();
    expect(sim.store.list('ConfigMap', { namespace: 'team' })).toHaveLength(0);
    expect(sim.store.list('ServiceAccount', { namespace: 'team' })).toHaveLength(0);
  });
});
