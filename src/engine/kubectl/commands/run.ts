/** `kubectl run NAME --image=IMAGE`: creates a pod (k8s.io/kubectl/pkg/cmd/run, generateversioned.BasicPod). */
import { jsonMergePatch } from '../../api/patch';
import type { KInput } from '../../api/types';
import { DRY_RUN_FLAGS, FIELD_MANAGER, OUTPUT_FLAGS, dryRunOf } from '../commonflags';
import { CommandError, type Ctx, type KubectlCommand } from '../context';
import { createAndPrint } from './create';

function parseLabels(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of s.split(',')) {
    const i = part.indexOf('=');
    if (i <= 0) throw new CommandError(`invalid label spec: ${part}`);
    out[part.slice(0, i)] = part.slice(i + 1);
  }
  return out;
}

export function podObject(ctx: Ctx, name: string): KInput {
  const f = ctx.flags;
  const labels = f.str('labels') ? parseLabels(f.str('labels')) : { run: name };
  const env = f.strs('env').map((e) => {
    const i = e.indexOf('=');
    return i < 0 ? { name: e } : { name: e.slice(0, i), value: e.slice(i + 1) };
  });
  const restart = f.str('restart') || 'Always';
  if (!['Always', 'OnFailure', 'Never'].includes(restart))
    throw new CommandError(`invalid restart policy: ${restart}`);
  const words = ctx.dash ?? ctx.args.slice(1);
  const container: Record<string, unknown> = {};
  if (words.length) container[f.bool('command') ? 'command' : 'args'] = words;
  if (env.length) container.env = env;
  container.image = f.str('image');
  if (f.str('image-pull-policy')) container.imagePullPolicy = f.str('image-pull-policy');
  container.name = name;
  if (f.has('port')) container.ports = [{ containerPort: f.int('port') }];
  container.resources = {};
  if (f.bool('stdin')) container.stdin = true;
  if (f.bool('stdin')) container.stdinOnce = true;
  if (f.bool('tty')) container.tty = true;
  const annotations = Object.fromEntries(
    f.strs('annotations').map((a) => {
      const i = a.indexOf('=');
      return [a.slice(0, i), a.slice(i + 1)];
    }),
  );
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(Object.keys(annotations).length ? { annotations } : {}),
      creationTimestamp: null,
      labels,
      name,
    },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  } as unknown as KInput;
}

/** `--overrides` with the default `--override-type=merge`: a JSON merge patch (kubectl/pkg/cmd/util/override_options.go). */
function withOverrides(obj: KInput, overrides: string): KInput {
  if (!overrides) return obj;
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    throw new CommandError(`error: ${(e as Error).message}`);
  }
  return jsonMergePatch(obj, patch) as KInput;
}

function run(ctx: Ctx): number {
  const name = ctx.args[0];
  if (!name)
    throw new CommandError(`NAME is required for run\nSee 'kubectl run -h' for help and examples`);
  if (!ctx.flags.str('image')) throw new CommandError(`required flag(s) "image" not set`);
  const dry = dryRunOf(ctx.flags.str('dry-run'));
  if (
    ctx.flags.bool('rm') ||
    (ctx.flags.bool('stdin') && dry === 'none') ||
    ctx.flags.bool('attach')
  ) {
    throw new CommandError(
      `kubectl run with --rm, -i or --attach is not supported in Kubeplay: there is no interactive terminal inside pods. Create the pod without them and use 'kubectl logs' or 'kubectl exec'.`,
    );
  }
  createAndPrint(ctx, withOverrides(podObject(ctx, name), ctx.flags.str('overrides')), dry, true);
  return 0;
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: {
    ...OUTPUT_FLAGS,
    ...DRY_RUN_FLAGS,
    ...FIELD_MANAGER,
    image: { type: 'string' },
    port: { type: 'int' },
    labels: { type: 'string', short: 'l' },
    env: { type: 'strings' },
    annotations: { type: 'strings' },
    restart: { type: 'string' },
    command: { type: 'bool' },
    rm: { type: 'bool' },
    stdin: { type: 'bool', short: 'i' },
    tty: { type: 'bool', short: 't' },
    attach: { type: 'bool' },
    'image-pull-policy': { type: 'string' },
    expose: { type: 'bool' },
    overrides: { type: 'string' },
    privileged: { type: 'bool' },
  },
  run,
};
