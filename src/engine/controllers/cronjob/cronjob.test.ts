import { describe, expect, it } from 'vitest';
import { bareSim, eventMessages, install } from '../testing';
import { CronJobController } from './cronjob';
import { nextAfter, parseSchedule } from './schedule';

const T = Date.parse('2026-01-05T09:00:00Z');
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

describe('cron schedules', () => {
  it.each([
    ['*/15 * * * *', '2026-01-05T09:00:00Z', '2026-01-05T09:15:00.000Z'],
    ['0 * * * *', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00.000Z'],
    ['@hourly', '2026-01-05T09:30:00Z', '2026-01-05T10:00:00.000Z'],
    ['30 2 * * mon-fri', '2026-01-09T03:00:00Z', '2026-01-12T02:30:00.000Z'],
    ['0 0 1 jan,jul *', '2026-01-05T09:00:00Z', '2026-07-01T00:00:00.000Z'],
    ['5,10 8-9 * * *', '2026-01-05T09:05:00Z', '2026-01-05T09:10:00.000Z'],
    ['CRON_TZ=Etc/GMT-2 0 12 * * *', '2026-01-05T09:00:00Z', '2026-01-05T10:00:00.000Z'],
  ])('%s after %s → %s', (spec, after, want) => {
    expect(iso(nextAfter(parseSchedule(spec), Date.parse(after)))).toBe(want);
  });

  it('rejects a malformed schedule', () => {
    expect(() => parseSchedule('* * *')).toThrow('expected exactly 5 fields');
  });
});

describe('CronJob controller', () => {
  function setup(spec: Record<string, unknown>) {
    const sim = bareSim();
    install(sim, new CronJobController(sim));
    sim.store.create({
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'hello', namespace: 'default' },
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: {
          spec: {
            template: {
              spec: { containers: [{ name: 'c', image: 'busybox' }], restartPolicy: 'OnFailure' },
            },
          },
        },
        ...spec,
      },
    });
    return sim;
  }

  it('creates <cronjob>-<minutes since epoch> jobs each minute and tracks them as active', () => {
    const sim = setup({});
    sim.advance(2 * 60_000 + 1000);
    const jobs = sim.store.list('Job', { namespace: 'default' }).map((j) => j.metadata.name);
    const first = Math.floor(sim.now() / 60_000) - 1;
    expect(jobs).toEqual([`hello-${first}`, `hello-${first + 1}`]);
    expect(eventMessages(sim, 'SuccessfulCreate')).toEqual(jobs.map((j) => `Created job ${j}`));
    const cj = sim.store.get('CronJob', 'default', 'hello')!;
    expect(cj.status.active).toHaveLength(2);
    expect(cj.status.lastScheduleTime).toBe(
      new Date((first + 1) * 60_000).toISOString().replace('.000Z', 'Z'),
    );
  });

  it('Forbid skips a run while the previous job is active', () => {
    const sim = setup({ concurrencyPolicy: 'Forbid' });
    sim.advance(2 * 60_000 + 1000);
    expect(sim.store.list('Job', { namespace: 'default' })).toHaveLength(1);
    expect(eventMessages(sim, 'JobAlreadyActive')).toEqual([
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    ]);
  });

  it('suspend creates nothing', () => {
    const sim = setup({ suspend: true });
    sim.advance(3 * 60_000);
    expect(sim.store.list('Job', { namespace: 'default' })).toHaveLength(0);
    expect(T).toBeGreaterThan(0);
  });
});
