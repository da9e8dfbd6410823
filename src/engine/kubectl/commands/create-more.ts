/** Dispatch of the `kubectl create` subcommands built in generators-policy.ts. */
import type { KInput } from '../../api/types';
import { CommandError, type Ctx } from '../context';
import type { FlagSpecs } from '../flags';
import {
  dockerRegistrySecret,
  ingressObject,
  pdbObject,
  policyRules,
  priorityClassObject,
  roleBindingObject,
  roleObject,
  serviceAccountObject,
  slice,
  tlsSecret,
} from './generators-policy';

/** Flags of these subcommands (merged into `create`'s flag table). */
export const CREATE_MORE_FLAGS: FlagSpecs = {
  'min-available': { type: 'string' },
  'max-unavailable': { type: 'string' },
  class: { type: 'string' },
  rule: { type: 'strings' },
  'default-backend': { type: 'string' },
  annotation: { type: 'strings' },
  value: { type: 'int' },
  'global-default': { type: 'bool' },
  description: { type: 'string' },
  'preemption-policy': { type: 'string', default: 'PreemptLowerPriority' },
  verb: { type: 'strings' },
  resource: { type: 'strings' },
  'resource-name': { type: 'strings' },
  'non-resource-url': { type: 'strings' },
  role: { type: 'string' },
  clusterrole: { type: 'string' },
  user: { type: 'strings' },
  group: { type: 'strings' },
  serviceaccount: { type: 'strings' },
  'docker-server': { type: 'string', default: 'https://index.docker.io/v1/' },
  'docker-username': { type: 'string' },
  'docker-password': { type: 'string' },
  'docker-email': { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
};

function nameAt(ctx: Ctx, i: number, what: string): string {
  const name = ctx.args[i];
  if (!name)
    throw new CommandError(
      `exactly one NAME is required, got 0\nSee 'kubectl create ${what} -h' for help and examples`,
    );
  return name;
}

function readFile(ctx: Ctx, path: string): string {
  const text = ctx.session.files?.read(path);
  if (text === undefined)
    throw new CommandError(`Cannot read file ${path}, open ${path}: no such file or directory`);
  return text;
}

/** The object for `create <sub> ...`, or undefined when `sub` is not one of these. */
export function generatedMore(ctx: Ctx): KInput | undefined {
  const f = ctx.flags;
  const warn = (s: string) => ctx.io.err(s);
  switch (ctx.args[0]) {
    case 'poddisruptionbudget':
    case 'pdb':
      return pdbObject(
        nameAt(ctx, 1, 'poddisruptionbudget'),
        f.str('selector'),
        f.str('min-available'),
        f.str('max-unavailable'),
      );
    case 'ingress':
    case 'ing':
      return ingressObject(
        nameAt(ctx, 1, 'ingress'),
        f.str('class'),
        f.strs('rule'),
        f.str('default-backend'),
        f.strs('annotation'),
      );
    case 'priorityclass':
    case 'pc':
      return priorityClassObject(
        nameAt(ctx, 1, 'priorityclass'),
        f.int('value'),
        f.bool('global-default'),
        f.str('description'),
        f.str('preemption-policy'),
      );
    case 'serviceaccount':
    case 'sa':
      return serviceAccountObject(nameAt(ctx, 1, 'serviceaccount'));
    case 'role':
      return roleObject(
        'Role',
        nameAt(ctx, 1, 'role'),
        policyRules(
          slice(f.strs('verb')),
          slice(f.strs('resource')),
          slice(f.strs('resource-name')),
          [],
          warn,
        ),
      );
    case 'clusterrole': {
      const name = nameAt(ctx, 1, 'clusterrole');
      const verbs = slice(f.strs('verb'));
      const resources = slice(f.strs('resource'));
      const urls = slice(f.strs('non-resource-url'));
      if (verbs.length === 0) throw new CommandError('at least one verb must be specified');
      if (resources.length === 0 && urls.length === 0)
        throw new CommandError('one of resource or nonResourceURL must be specified');
      return roleObject(
        'ClusterRole',
        name,
        policyRules(verbs, resources, slice(f.strs('resource-name')), urls, warn),
      );
    }
    case 'rolebinding': {
      const name = nameAt(ctx, 1, 'rolebinding');
      const role = f.str('role');
      const cr = f.str('clusterrole');
      if (!role === !cr)
        throw new CommandError('exactly one of clusterrole or role must be specified');
      return roleBindingObject(
        'RoleBinding',
        name,
        role ? { kind: 'Role', name: role } : { kind: 'ClusterRole', name: cr },
        f.strs('user'),
        f.strs('group'),
        f.strs('serviceaccount'),
      );
    }
    case 'clusterrolebinding': {
      const name = nameAt(ctx, 1, 'clusterrolebinding');
      if (!f.str('clusterrole')) throw new CommandError(`required flag(s) "clusterrole" not set`);
      return roleBindingObject(
        'ClusterRoleBinding',
        name,
        { kind: 'ClusterRole', name: f.str('clusterrole') },
        f.strs('user'),
        f.strs('group'),
        f.strs('serviceaccount'),
      );
    }
    case 'secret':
      if (ctx.args[1] === 'docker-registry') {
        const name = nameAt(ctx, 2, 'secret docker-registry');
        if (!f.str('docker-username') || !f.str('docker-password'))
          throw new CommandError(
            'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required',
          );
        return dockerRegistrySecret(
          name,
          f.str('docker-server'),
          f.str('docker-username'),
          f.str('docker-password'),
          f.str('docker-email'),
        );
      }
      if (ctx.args[1] === 'tls') {
        const name = nameAt(ctx, 2, 'secret tls');
        return tlsSecret(name, readFile(ctx, f.str('cert')), readFile(ctx, f.str('key')));
      }
  }
  return undefined;
}
