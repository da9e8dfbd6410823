/** Pod failure backoff of the Job controller (k/k:pkg/controller/job/backoff_utils.go). */

/** DefaultJobPodFailureBackOff = 10s (job_controller.go). */
export const JOB_POD_FAILURE_BACKOFF_MS = 10_000;
/** MaxJobPodFailureBackOff = 10 minutes in current code (the docs still say six minutes). */
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime: number;
}

/** `getRemainingTime`: 10 s × 2^(failures−1), capped, minus the time since the last failure. */
export function remainingBackoff(r: BackoffRecord | undefined, now: number): number {
  if (!r || r.failuresAfterLastSuccess === 0) return 0;
  let d = JOB_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < r.failuresAfterLastSuccess; i++) {
    d *= 2;
    if (d >= MAX_JOB_POD_FAILURE_BACKOFF_MS) {
      d = MAX_JOB_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = now - r.lastFailureTime;
  return d < elapsed ? 0 : d - elapsed;
}
