import { describe, expect, it } from 'vitest';
import { explain } from '../explain';
import { RESOURCES } from '../generated/resources';
import { toJsonSchema } from '../jsonschema';
import { DEFINITIONS } from './defs';
import { ENUM_FIELDS, enumDescription } from './enums';

function text(path: string): string {
  const r = explain(path);
  if (!r.ok) throw new Error(r.error);
  return r.text;
}

describe('enum fields', () => {
  it('names only fields that exist in the definitions', () => {
    for (const [def, fields] of Object.entries(ENUM_FIELDS)) {
      for (const f of Object.keys(fields)) {
        expect(DEFINITIONS[def]?.properties?.[f], `${def}.${f}`).toBeDefined();
      }
    }
  });

  it('appends the Possible enum values paragraph as kube-openapi does', () => {
    const d = enumDescription('Desc.', { values: { b: 'is B.', a: '' } });
    expect(d).toBe('Desc.\n\nPossible enum values:\n - `"a"`\n - `"b"` is B.');
  });

  it('prints the ENUM block of an explained field (kubectl 1.32 plaintext template)', () => {
    expect(text('pod.spec.containers.imagePullPolicy')).toBe(
      [
        'KIND:       Pod',
        'VERSION:    v1',
        '',
        'FIELD: imagePullPolicy <string>',
        'ENUM:',
        '    Always',
        '    IfNotPresent',
        '    Never',
        '',
        'DESCRIPTION:',
        '    Image pull policy. One of Always, Never, IfNotPresent. Defaults to Always if',
        '    :latest tag is specified, or IfNotPresent otherwise. Cannot be updated. More',
        '    info: https://kubernetes.io/docs/concepts/containers/images#updating-images',
        '    ',
        '    Possible enum values:',
        '     - `"Always"` means that kubelet always attempts to pull the latest image.',
        '    Container will fail If the pull fails.',
        '     - `"IfNotPresent"` means that kubelet pulls if the image isn\'t present on',
        "    disk. Container will fail if the image isn't present and the pull fails.",
        '     - `"Never"` means that kubelet never pulls an image, but only uses a local',
        "    image. Container will fail if the image isn't present",
        '    ',
        '',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['svc.spec', 'type', 'ClusterIP, ExternalName, LoadBalancer, NodePort'],
    ['svc.spec', 'sessionAffinity', 'ClientIP, None'],
    ['svc.spec', 'externalTrafficPolicy', 'Cluster, Local'],
    ['svc.spec.ports', 'protocol', 'SCTP, TCP, UDP'],
    ['pod.spec', 'restartPolicy', 'Always, Never, OnFailure'],
    ['pod.spec', 'dnsPolicy', 'ClusterFirst, ClusterFirstWithHostNet, Default, None'],
    ['pod.spec.tolerations', 'effect', 'NoExecute, NoSchedule, PreferNoSchedule'],
    ['node.spec.taints', 'effect\t<string> -required-', 'NoExecute, NoSchedule, PreferNoSchedule'],
  ])('lists %s.%s with its enum line', (path, field, values) => {
    const line = field.includes('\t') ? field : `${field}\t<string>`;
    expect(text(path)).toContain(`\n  ${line}\n  enum: ${values}\n`);
  });

  it('shows no enum for list-of-enum fields, as kube-openapi puts none on items', () => {
    expect(text('pvc.spec.accessModes')).not.toContain('ENUM:');
  });

  it('feeds the values into the editor JSON Schema', () => {
    const res = RESOURCES.find((r) => r.kind === 'Pod' && r.group === '');
    const s = toJsonSchema(res!);
    const container = s.definitions?.['io.k8s.api.core.v1.Container'];
    expect(container?.properties?.imagePullPolicy?.enum).toEqual([
      'Always',
      'IfNotPresent',
      'Never',
      null,
    ]);
    const pvc = RESOURCES.find((r) => r.kind === 'PersistentVolumeClaim');
    const claim = toJsonSchema(pvc!).definitions?.['io.k8s.api.core.v1.PersistentVolumeClaimSpec'];
    expect(claim?.properties?.accessModes?.items?.enum).toEqual([
      'ReadOnlyMany',
      'ReadWriteMany',
      'ReadWriteOnce',
      'ReadWriteOncePod',
      null,
    ]);
  });
});
