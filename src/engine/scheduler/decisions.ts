/**
 * Decision records: what the scheduler saw for each of its most recent attempts, per node (which
 * filter rejected it and why) and per plugin score, in the shape kube-scheduler-simulator shows.
 * They answer the UI's "why this node?" and `kubectl` explanations.
 */
import type { Json } from '../clock';
import type { Simulation } from '../sim';
import type { FilterRecord, ScoreRecord } from './algorithm';
import { MAX_DECISION_RECORDS, SCHEDULER_NAME } from './constants';

export interface SchedulingDecision {
  podUid: string;
  /** namespace/name */
  podKey: string;
  /** Simulated epoch ms of the attempt. */
  time: number;
  result: 'Scheduled' | 'Unschedulable';
  node?: string;
  /** The FailedScheduling message, for unschedulable attempts. */
  message?: string;
  filters: FilterRecord[];
  scores: ScoreRecord[];
}

export class DecisionLog {
  private records: SchedulingDecision[] = [];

  add(d: SchedulingDecision): void {
    this.records.push(d);
    if (this.records.length > MAX_DECISION_RECORDS)
      this.records.splice(0, this.records.length - MAX_DECISION_RECORDS);
  }

  list(podUid?: string): SchedulingDecision[] {
    return podUid === undefined
      ? [...this.records]
      : this.records.filter((r) => r.podUid === podUid);
  }

  snapshot(): Json {
    return JSON.parse(JSON.stringify(this.records)) as Json;
  }

  restore(s: Json): void {
    this.records = (s ?? []) as unknown as SchedulingDecision[];
  }
}

interface HasDecisions {
  decisions: DecisionLog;
}

/** The scheduler's recent decisions, oldest first; only one pod's when `podUid` is given. */
export function schedulingDecisions(sim: Simulation, podUid?: string): SchedulingDecision[] {
  const c = sim.component(SCHEDULER_NAME) as unknown as HasDecisions | undefined;
  return c?.decisions.list(podUid) ?? [];
}
