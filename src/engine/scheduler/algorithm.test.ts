import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { fitErrorMessage, schedulePod, selectHost } from './algorithm';
import { unresolvable, unschedulable } from './framework';
import { FILTER_PLUGINS, SCORE_PLUGINS } from './plugins';
import { context, node, pod } from './plugins/fixtures';

describe('FitError text (framework/types.go FitError.Error)', () => {
  it.each([
    {
      statuses: [
        unresolvable('TaintToleration', 'node(s) had untolerated taint(s)'),
        unschedulable('NodeResourcesFit', 'Insufficient cpu'),
        unschedulable('NodeResourcesFit', 'Insufficient cpu'),
      ],
      post: '',
      want: '0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 Insufficient cpu.',
    },
    {
      // Reasons of one node each count; the histogram is sorted as strings ("10 ..." before "2 ...").
      statuses: [
        ...Array.from({ length: 10 }, () =>
          unschedulable('NodeResourcesFit', 'Insufficient memory'),
        ),
        unschedulable('NodeResourcesFit', 'Insufficient cpu', 'Insufficient memory'),
        unschedulable('NodeResourcesFit', 'Insufficient cpu'),
      ],
      post: 'preemption: 0/12 nodes are available: 12 No preemption victims found for incoming pod.',
      want: '0/12 nodes are available: 11 Insufficient memory, 2 Insufficient cpu. preemption: 0/12 nodes are available: 12 No preemption victims found for incoming pod.',
    },
  ])('$want', ({ statuses, post, want }) => {
    expect(fitErrorMessage(statuses.length, statuses, post)).toBe(want);
  });
});

describe('selectHost', () => {
  it('only ever picks a top-scoring node', () => {
    const rng = new Rng(3).stream('scheduler/select');
    const scores = [
      { node: 'a', total: 10, plugins: {} },
      { node: 'b', total: 30, plugins: {} },
      { node: 'c', total: 30, plugins: {} },
    ];
    const picks = new Set(Array.from({ length: 50 }, () => selectHost(scores, rng)));
    expect([...picks].sort()).toEqual(['b', 'c']);
  });
});

describe('percentageOfNodesToScore and nextStartNodeIndex', () => {
  it('stops after 100 feasible nodes of 150 and continues round-robin from there', () => {
    const nodes = Array.from({ length: 150 }, (_, i) => node(`n${String(i).padStart(3, '0')}`));
    const opts = {
      filterPlugins: FILTER_PLUGINS,
      scorePlugins: SCORE_PLUGINS,
      rng: new Rng(1).stream('x'),
      nominated: new Map(),
    };
    const r1 = schedulePod(context(pod('p'), nodes), { ...opts, nextStartNodeIndex: 0 });
    expect(r1.filters).toHaveLength(100);
    expect(r1.nextStartNodeIndex).toBe(100);
    const r2 = schedulePod(context(pod('q'), nodes), {
      ...opts,
      nextStartNodeIndex: r1.nextStartNodeIndex,
    });
    expect(r2.filters[0].node).toBe('n100');
    expect(r2.nextStartNodeIndex).toBe(50);
  });
});
