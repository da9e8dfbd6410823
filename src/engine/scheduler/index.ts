/** kube-scheduler with the default profile. */
import type { ComponentFactory } from '../sim';
import { Scheduler } from './scheduler';

export const schedulerFactories: ComponentFactory[] = [(sim) => [new Scheduler(sim)]];

export { schedulingDecisions, type SchedulingDecision } from './decisions';
export { SCHEDULER_NAME } from './constants';
