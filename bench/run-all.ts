/** Runs every benchmark and prints each figure against its budget; exits 1 if one is over. */
import { benchRealtime, benchRollout, benchSnapshot, type BenchResult } from './engine.bench';
import { benchWorker } from './worker.bench';

const results: BenchResult[] = [];
for (const b of [benchRealtime, benchSnapshot, benchRollout, benchWorker]) {
  for (const r of [b()].flat()) {
    results.push(r);
    const ok = r.value <= r.budget;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${r.name}: ${r.value.toFixed(1)} ${r.unit} (budget ${r.budget} ${r.unit})${r.detail ? `; ${r.detail}` : ''}`,
    );
  }
}
const over = results.filter((r) => r.value > r.budget);
const worst = results.reduce((a, b) => (a.value / a.budget > b.value / b.budget ? a : b));
console.log(
  `${over.length === 0 ? 'All within budget' : `${over.length} over budget`}; closest to its budget: ${worst.name} at ${((100 * worst.value) / worst.budget).toFixed(0)}%`,
);
process.exitCode = over.length === 0 ? 0 : 1;
