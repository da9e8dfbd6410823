/** Every kubectl command, in cobra's order (kubectl disables command sorting; suggestions follow it). */
import type { KubectlCommand } from './context';
import { createCommand } from './commands/create';
import { runCommand } from './commands/run';
import { getCommand } from './commands/get';
import { deleteCommand } from './commands/delete';
import { applyCommand } from './commands/apply';
import { describeCommand } from './describe';
import { patchCommand, scaleCommand, setCommand } from './commands/mutate';
import { annotateCommand, labelCommand } from './commands/label';
import { rolloutCommand } from './commands/rollout';
import { drainCommand } from './commands/drain';
import { cordonCommand, taintCommand, uncordonCommand } from './commands/node';
import { execCommand, logsCommand, topCommand } from './commands/pods';
import { portForwardCommand } from './commands/portforward';
import {
  apiResourcesCommand,
  apiVersionsCommand,
  clusterInfoCommand,
  configCommand,
  eventsCommand,
  explainCommand,
  versionCommand,
} from './commands/info';
import { editCommand, replaceCommand, waitCommand } from './commands/misc';
import { autoscaleCommand, exposeCommand } from './commands/expose';

export const COMMANDS: KubectlCommand[] = [
  createCommand,
  exposeCommand,
  runCommand,
  setCommand,
  explainCommand,
  getCommand,
  editCommand,
  deleteCommand,
  rolloutCommand,
  scaleCommand,
  autoscaleCommand,
  clusterInfoCommand,
  topCommand,
  cordonCommand,
  uncordonCommand,
  drainCommand,
  taintCommand,
  describeCommand,
  logsCommand,
  execCommand,
  portForwardCommand,
  eventsCommand,
  applyCommand,
  patchCommand,
  replaceCommand,
  waitCommand,
  labelCommand,
  annotateCommand,
  apiResourcesCommand,
  apiVersionsCommand,
  configCommand,
  versionCommand,
];

/** Real kubectl commands Kubeplay does not simulate: they fail with a clear message instead of "unknown command". */
const UNSUPPORTED = [
  'certificate',
  'proxy',
  'cp',
  'auth',
  'debug',
  'attach',
  'diff',
  'kustomize',
  'completion',
  'plugin',
  'alpha',
  'options',
];

export function findCommand(word: string): KubectlCommand | undefined {
  const c = COMMANDS.find((x) => x.name === word || (x.aliases ?? []).includes(word));
  if (c || !UNSUPPORTED.includes(word)) return c;
  return {
    name: word,
    short: '',
    usage: `kubectl ${word}`,
    flags: new Proxy(
      {},
      { get: () => ({ type: 'bool' }), has: () => true },
    ) as KubectlCommand['flags'],
    run(ctx) {
      ctx.io.err(`error: kubectl ${word} is not supported in Kubeplay\n`);
      return 1;
    },
  };
}
