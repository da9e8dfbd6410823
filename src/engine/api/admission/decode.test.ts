import { describe, expect, it } from 'vitest';
import { apiServer, deployment, errorOf, pod } from './testing';

describe('strict decoding', () => {
  it.each([
    [
      'one unknown field',
      { ...deployment('web'), spec: { ...deployment('web').spec, replicass: 3 } },
      'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.replicass"',
    ],
    [
      'several unknown fields',
      {
        ...pod('p'),
        spec: {
          containers: [{ name: 'web', image: 'nginx:1', imagePullPolcy: 'Always', port: 80 }],
        },
      },
      'BadRequest: Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagePullPolcy", unknown field "spec.containers[0].port"',
    ],
    [
      'a type error',
      { ...deployment('web'), spec: { ...deployment('web').spec, replicas: 'three' } },
      'BadRequest: Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
    ],
  ])('%s', (_case, obj, message) => {
    expect(errorOf(() => apiServer().store.create(obj))).toBe(message);
  });

  it('accepts what the server itself adds (metadata, status)', () => {
    const sim = apiServer();
    sim.store.create(pod('p'));
    expect(
      errorOf(() =>
        sim.store.mutate('Pod', 'default', 'p', (o) => void (o.status.podIP = '10.244.1.5'), {
          subresource: 'status',
        }),
      ),
    ).toBe('ok');
  });
});
