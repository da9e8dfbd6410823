/**
 * `ControllerExpectations` / `UIDTrackingControllerExpectations` (k/k:pkg/controller/controller_utils.go):
 * after issuing creates or deletes a controller waits until its informer has observed them, or
 * until `ExpectationsTimeout` passes, before acting on the same object again.
 */
import type { Json } from '../../clock';

/** ExpectationsTimeout = 5 * time.Minute (controller_utils.go). */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  /** Pod keys whose deletion is expected (UID tracking). */
  deleteKeys: string[];
  timestamp: number;
}

export class Expectations {
  private items = new Map<string, Expectation>();

  constructor(private now: () => number) {}

  /** `SatisfiedExpectations`: fulfilled, expired or never set. */
  satisfied(key: string): boolean {
    const e = this.items.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.timestamp > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, n: number): void {
    this.items.set(key, { add: n, del: 0, deleteKeys: [], timestamp: this.now() });
  }

  expectDeletions(key: string, podKeys: string[]): void {
    this.items.set(key, {
      add: 0,
      del: podKeys.length,
      deleteKeys: [...podKeys],
      timestamp: this.now(),
    });
  }

  creationObserved(key: string): void {
    const e = this.items.get(key);
    if (e) e.add--;
  }

  /** Lowers the deletion count only for a pod this controller asked to delete. */
  deletionObserved(key: string, podKey: string): void {
    const e = this.items.get(key);
    if (!e) return;
    const i = e.deleteKeys.indexOf(podKey);
    if (i < 0) return;
    e.deleteKeys.splice(i, 1);
    e.del--;
  }

  delete(key: string): void {
    this.items.delete(key);
  }

  snapshot(): Json {
    const out: Record<string, Json> = {};
    for (const k of [...this.items.keys()].sort()) {
      const e = this.items.get(k)!;
      out[k] = { add: e.add, del: e.del, deleteKeys: [...e.deleteKeys], timestamp: e.timestamp };
    }
    return out;
  }

  restore(s: Json): void {
    this.items = new Map(
      Object.entries((s ?? {}) as unknown as Record<string, Expectation>).map(([k, v]) => [
        k,
        { ...v, deleteKeys: [...v.deleteKeys] },
      ]),
    );
  }
}
