/**
 * Everything that happens to a simulation from outside its timer queue, recorded against the
 * number of events processed so far. With a snapshot and this journal, any earlier state can be
 * rebuilt exactly by replaying `sim.step()` and the journal entries in order (step back, crash
 * recovery). Commands are generators and cannot be snapshotted, so the journal also records when
 * each one was resumed and with what answer; a replay resumes them at the same points.
 */
import type { ProxyMode } from '../engine/config';

export type CommandSpec = { type: 'line'; line: string; stdin?: string } | { type: 'scenario' };

export type JournalEntry =
  | { kind: 'start'; steps: number; now: number; cmd: number; spec: CommandSpec }
  | { kind: 'resume'; steps: number; now: number; cmd: number; ok: boolean }
  | { kind: 'proxy'; steps: number; now: number; mode: ProxyMode }
  /** The timer at this point crashed the engine once; replays drop it instead of running it. */
  | { kind: 'skip'; steps: number; now: number };

/** Periodic snapshots are taken every this many simulated milliseconds (step-back granularity vs. memory). */
export const SNAPSHOT_INTERVAL_MS = 10_000;
/** ...and at least this much wall time apart, so fast playback does not snapshot every second. */
export const SNAPSHOT_MIN_WALL_MS = 3_000;
/** Snapshots kept for step back (with the interval above: the last ~10 simulated minutes). */
export const MAX_SNAPSHOTS = 60;
