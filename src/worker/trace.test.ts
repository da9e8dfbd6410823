/**
 * The same scenario and seed give the same trace in the worker's real-time host as in the
 * headless runner, however wall time is sliced into ticks.
 */
import { describe, expect, it } from 'vitest';
import { EngineHost } from './host';
import { DEFAULT_SCENARIO } from '../scenario/default';
import { parseScenario } from '../scenario/format';
import { runScenario } from '../scenario/run';
import { bufferIo } from '../engine/command';

function nodeHash(text: string, ms: number): string {
  const parsed = parseScenario(text);
  if (!parsed.ok) throw new Error('scenario does not parse');
  const r = runScenario(parsed.scenario, bufferIo());
  r.sim.advanceTo(parsed.scenario.config.startTime + ms);
  return r.sim.trace.hash();
}

function hostWith(text: string): EngineHost {
  let wall = 0;
  const h = new EngineHost(
    () => {},
    () => (wall += 0.001),
  );
  expect(h.load(text)).toBe(true);
  return h;
}

describe('worker host and headless runner', () => {
  it('agree when the host runs the time at once', () => {
    const h = hostWith(DEFAULT_SCENARIO);
    h.runFor(45_000);
    expect(h.traceHash()).toBe(nodeHash(DEFAULT_SCENARIO, 45_000));
  });

  it.each([[16], [100], [333]])('agree when the host plays in %i ms ticks', (tickMs) => {
    const h = hostWith(DEFAULT_SCENARIO);
    h.playing = true;
    h.speed = 1;
    for (let t = 0; t < 45_000; t += tickMs) h.tick(Math.min(tickMs, 45_000 - t));
    expect(h.traceHash()).toBe(nodeHash(DEFAULT_SCENARIO, 45_000));
  });
});
