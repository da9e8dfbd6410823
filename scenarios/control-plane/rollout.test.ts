/**
 * Deployment rollouts as a kubectl session: the ScalingReplicaSet event sequence, the surge and
 * unavailability bounds for several replica counts, a stuck rollout with a bad image, the progress
 * deadline, Recreate and proportional scaling. Numbers from K8S-SEMANTICS 1.2-1.4, 1.6, 1.8, 1.12.
 */
import { describe, expect, it } from 'vitest';
import { apply, deploymentYaml, session, type Json, type KubectlSession } from './session';

const HASH = '[4-9bcdf]{1,10}';

/** The ReplicaSets of deployment `web`, keyed by their container image. */
function rsByImage(s: KubectlSession): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const rs of s.json('kubectl get rs -l app=web -o json').items as Json[])
    out[rs.spec.template.spec.containers[0].image] = rs;
  return out;
}

/** Replays ScalingReplicaSet messages into (new, old) spec.replicas pairs. */
function replay(messages: string[], oldName: string, newName: string, start: number) {
  const spec: Record<string, number> = { [oldName]: start, [newName]: 0 };
  const steps: [number, number][] = [];
  for (const m of messages) {
    const r = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/.exec(m);
    expect(r, m).not.toBeNull();
    if (!(r![2] in spec)) continue;
    expect(Number(r![3]), m).toBe(spec[r![2]]);
    spec[r![2]] = Number(r![4]);
    steps.push([spec[newName], spec[oldName]]);
  }
  return steps;
}

function rollout(replicas: number, strategy: string, seed = 1) {
  const s = session(apply(deploymentYaml('web', replicas, 'nginx:1.27', strategy)), { seed });
  expect(s.run('kubectl rollout status deployment/web').stdout).toContain(
    'deployment "web" successfully rolled out',
  );
  const set = s.run('kubectl set image deployment/web nginx=nginx:1.29');
  expect(set.stdout).toBe('deployment.apps/web image updated\n');
  const st = s.run('kubectl rollout status deployment/web');
  expect(st.code).toBe(0);
  expect(st.stdout).toMatch(/deployment "web" successfully rolled out\n$/);
  const rs = rsByImage(s);
  const oldName = rs['nginx:1.27'].metadata.name as string;
  const newName = rs['nginx:1.29'].metadata.name as string;
  const messages = s.eventMessages('ScalingReplicaSet');
  expect(messages[0]).toBe(`Scaled up replica set ${oldName} from 0 to ${replicas}`);
  return {
    s,
    rs,
    oldName,
    newName,
    messages,
    steps: replay(messages.slice(1), oldName, newName, replicas),
  };
}

describe('a RollingUpdate of 3 replicas with the default 25%/25%', () => {
  it('alternates one up, one down, exactly as the docs event list', () => {
    const { oldName, newName, messages, rs } = rollout(3, '');
    expect(oldName).toMatch(new RegExp(`^web-${HASH}$`));
    expect(newName).toMatch(new RegExp(`^web-${HASH}$`));
    expect(messages).toEqual([
      `Scaled up replica set ${oldName} from 0 to 3`,
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
    const ann = rs['nginx:1.29'].metadata.annotations;
    expect(ann['deployment.kubernetes.io/desired-replicas']).toBe('3');
    expect(ann['deployment.kubernetes.io/max-replicas']).toBe('4');
    expect(ann['deployment.kubernetes.io/revision']).toBe('2');
    expect(rs['nginx:1.29'].metadata.labels['pod-template-hash']).toBe(newName.slice(4));
  });

  it('shows the rollout in describe: events, RollingUpdateStrategy and NewReplicaSet', () => {
    const { s, newName } = rollout(3, '');
    const d = s.run('kubectl describe deployment web').stdout;
    expect(d).toMatch(/RollingUpdateStrategy:\s+25% max unavailable, 25% max surge/);
    expect(d).toMatch(
      /Replicas:\s+3 desired \| 3 updated \| 3 total \| 3 available \| 0 unavailable/,
    );
    expect(d).toMatch(new RegExp(`NewReplicaSet:\\s+${newName} \\(3/3 replicas created\\)`));
    expect(d).toMatch(/Progressing\s+True\s+NewReplicaSetAvailable/);
    expect(d).toMatch(
      /Normal\s+ScalingReplicaSet\s+\S+\s+deployment-controller\s+Scaled down replica set/,
    );
  });
});

describe('rollout bounds for larger deployments', () => {
  it.each([
    // replicas, label, strategy, first new size, first old size, max total
    [8, '25%/25% (2/2)', '', 2, 6, 10],
    [10, '25%/25% (3/2)', '', 3, 8, 13],
    [10, '3/2', 'strategy:\n  rollingUpdate: {maxSurge: 3, maxUnavailable: 2}', 3, 8, 13],
    [8, '0/25%', 'strategy:\n  rollingUpdate: {maxSurge: 0, maxUnavailable: "25%"}', 0, 6, 8],
  ])(
    '%i replicas, maxSurge/maxUnavailable %s',
    (n, _label, strategy, firstNew, firstOld, maxTotal) => {
      const { steps, rs, messages, newName, oldName } = rollout(n, strategy);
      expect(rs['nginx:1.29'].metadata.annotations['deployment.kubernetes.io/max-replicas']).toBe(
        String(maxTotal),
      );
      if (maxTotal > n) {
        // Surge first: the new RS is created at maxTotal − replicas, then old scales down in the
        // same sync by maxScaledDown = maxTotal − minAvailable − newUnavailable (1.4 A/C).
        expect(messages.slice(1, 3)).toEqual([
          `Scaled up replica set ${newName} from 0 to ${firstNew}`,
          `Scaled down replica set ${oldName} from ${n} to ${firstOld}`,
        ]);
      } else {
        // maxSurge 0: scale down first (the RS is created empty, then old shrinks by maxUnavailable).
        expect(messages[1]).toBe(`Scaled down replica set ${oldName} from ${n} to ${firstOld}`);
      }
      for (const [nw, old] of steps) expect(nw + old).toBeLessThanOrEqual(maxTotal);
      expect(steps.at(-1)).toEqual([n, 0]);
    },
  );
});

const STUCK = `kubectl set image deployment/web nginx=nginx:1.161
kubectl rollout status deployment/web --timeout=60s
`;

describe('a rollout to an image that does not exist (nginx:1.161)', () => {
  const strategy =
    'progressDeadlineSeconds: 120\nstrategy:\n  rollingUpdate: {maxSurge: 3, maxUnavailable: 2}';

  it('sticks at 5 new and 8 old replicas, then exceeds its progress deadline', () => {
    const s = session(apply(deploymentYaml('web', 10, 'nginx:1.27', strategy)));
    s.run('kubectl rollout status deployment/web');
    const wait = s.run(STUCK);
    expect(wait.code).toBe(1);
    expect(wait.stderr).toBe('error: timed out waiting for the condition\n');
    expect(wait.stdout).toContain(
      'Waiting for deployment "web" rollout to finish: 5 out of 10 new replicas have been updated...',
    );
    const rs = rsByImage(s);
    expect(rs['nginx:1.161'].spec.replicas).toBe(5);
    expect(rs['nginx:1.161'].status.readyReplicas ?? 0).toBe(0);
    expect(rs['nginx:1.27'].spec.replicas).toBe(8);
    const table = s.run('kubectl get rs').stdout;
    expect(table).toMatch(new RegExp(`${rs['nginx:1.161'].metadata.name}\\s+5\\s+5\\s+0\\s`));
    expect(table).toMatch(new RegExp(`${rs['nginx:1.27'].metadata.name}\\s+8\\s+8\\s+8\\s`));
    const pods = s.run('kubectl get pods').stdout;
    expect(pods).toMatch(/(ErrImagePull|ImagePullBackOff)/);

    // The deadline counts from the last progress; rollout status then exits 1 with the real text.
    const after = s.run('kubectl rollout status deployment/web');
    expect(after.code).toBe(1);
    expect(after.stderr).toBe('error: deployment "web" exceeded its progress deadline\n');
    const d = s.json('kubectl get deployment web -o json');
    const progressing = (d.status.conditions as Json[]).find((c) => c.type === 'Progressing')!;
    expect(progressing).toMatchObject({
      status: 'False',
      reason: 'ProgressDeadlineExceeded',
      message: `ReplicaSet "${rs['nginx:1.161'].metadata.name}" has timed out progressing.`,
    });
    const available = (d.status.conditions as Json[]).find((c) => c.type === 'Available')!;
    expect(available).toMatchObject({ status: 'True', reason: 'MinimumReplicasAvailable' });
    // The controller takes no other action: still 5 and 8.
    expect(rsByImage(s)['nginx:1.161'].spec.replicas).toBe(5);
    expect(rsByImage(s)['nginx:1.27'].spec.replicas).toBe(8);
  });

  it('scales proportionally mid-rollout: 15 replicas → old 11, new 7', () => {
    const s = session(apply(deploymentYaml('web', 10, 'nginx:1.27', strategy)));
    s.run('kubectl rollout status deployment/web');
    s.run(STUCK);
    expect(s.run('kubectl scale deployment web --replicas=15').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    s.run('sleep 2s');
    const rs = rsByImage(s);
    expect(rs['nginx:1.27'].spec.replicas).toBe(11);
    expect(rs['nginx:1.161'].spec.replicas).toBe(7);
    const oldName = rs['nginx:1.27'].metadata.name;
    const newName = rs['nginx:1.161'].metadata.name;
    expect(s.eventMessages('ScalingReplicaSet').slice(-2)).toEqual([
      `Scaled up replica set ${oldName} from 8 to 11`,
      `Scaled up replica set ${newName} from 5 to 7`,
    ]);
    for (const r of [rs['nginx:1.27'], rs['nginx:1.161']]) {
      expect(r.metadata.annotations['deployment.kubernetes.io/desired-replicas']).toBe('15');
      expect(r.metadata.annotations['deployment.kubernetes.io/max-replicas']).toBe('18');
    }

    // Back down to 5: allowed 5 + 3 = 8, toRemove 10; largest (old) first:
    // old round(11×8/18) = 5, new round(7×8/18) = 3. The rolling update then continues within
    // the new bounds: old 5 → 3 (minAvailable 3), new 3 → 5 (maxTotal 8).
    s.run('kubectl scale deployment web --replicas=5\nsleep 5s');
    const after = s.eventMessages('ScalingReplicaSet');
    const i = after.indexOf(`Scaled down replica set ${oldName} from 11 to 5`);
    expect(i).toBeGreaterThan(0);
    expect(after[i + 1]).toBe(`Scaled down replica set ${newName} from 7 to 3`);
    expect(after[i + 2]).toBe(`Scaled down replica set ${oldName} from 5 to 3`);
    const final = rsByImage(s);
    expect(final['nginx:1.27'].spec.replicas).toBe(3);
    expect(final['nginx:1.161'].spec.replicas).toBe(5);
  });
});

describe('the Recreate strategy', () => {
  it('removes every old pod before the new ReplicaSet creates any', () => {
    const s = session(apply(deploymentYaml('web', 3, 'nginx:1.27', 'strategy: {type: Recreate}')));
    s.run('kubectl rollout status deployment/web');
    const { sim } = s;
    s.run('kubectl set image deployment/web nginx=nginx:1.29');
    let sawOldTerminating = false;
    const end = sim.now() + 5 * 60_000;
    for (;;) {
      const pods = sim.store.list('Pod', { namespace: 'default', labelSelector: 'app=web' });
      const old = pods.filter((p) => p.spec.containers[0].image === 'nginx:1.27');
      const fresh = pods.filter((p) => p.spec.containers[0].image === 'nginx:1.29');
      if (old.some((p) => p.metadata.deletionTimestamp)) sawOldTerminating = true;
      if (fresh.length > 0) expect(old, `at ${sim.now()}`).toEqual([]);
      if (fresh.length === 3 && old.length === 0) break;
      expect(sim.now()).toBeLessThan(end);
      if (!sim.step()) break;
    }
    expect(sawOldTerminating).toBe(true);
    expect(s.run('kubectl rollout status deployment/web').code).toBe(0);
    const rs = rsByImage(s);
    expect(s.eventMessages('ScalingReplicaSet')).toEqual([
      `Scaled up replica set ${rs['nginx:1.27'].metadata.name} from 0 to 3`,
      `Scaled down replica set ${rs['nginx:1.27'].metadata.name} from 3 to 0`,
      `Scaled up replica set ${rs['nginx:1.29'].metadata.name} from 0 to 3`,
    ]);
    expect(s.run('kubectl describe deployment web').stdout).toMatch(/StrategyType:\s+Recreate/);
  });
});

describe('a paused Deployment', () => {
  it('holds template changes, still scales, and rolls out on resume', () => {
    const s = session(apply(deploymentYaml('web', 2, 'nginx:1.27')));
    s.run('kubectl rollout status deployment/web');
    expect(s.run('kubectl rollout pause deployment/web').stdout).toBe(
      'deployment.apps/web paused\n',
    );
    expect(s.run('kubectl rollout pause deployment/web').stderr).toBe(
      'error: deployments.apps "web" is already paused\n',
    );
    s.run('sleep 1s');
    const progressing = (d: Json) =>
      (d.status.conditions as Json[]).find((c) => c.type === 'Progressing');
    expect(progressing(s.json('kubectl get deployment web -o json'))).toMatchObject({
      status: 'Unknown',
      reason: 'DeploymentPaused',
      message: 'Deployment is paused',
    });
    s.run('kubectl set image deployment/web nginx=nginx:1.29\nsleep 10s');
    expect(Object.keys(rsByImage(s))).toEqual(['nginx:1.27']);
    s.run('kubectl scale deployment web --replicas=4\nsleep 10s');
    const old = rsByImage(s)['nginx:1.27'];
    expect(old.spec.replicas).toBe(4);
    expect(s.eventMessages('ScalingReplicaSet').at(-1)).toBe(
      `Scaled up replica set ${old.metadata.name} from 2 to 4`,
    );
    expect(s.run('kubectl rollout resume deployment/web').stdout).toBe(
      'deployment.apps/web resumed\n',
    );
    expect(s.run('kubectl rollout status deployment/web').code).toBe(0);
    const rs = rsByImage(s);
    expect(rs['nginx:1.29'].spec.replicas).toBe(4);
    expect(rs['nginx:1.27'].spec.replicas).toBe(0);
    expect(progressing(s.json('kubectl get deployment web -o json'))).toMatchObject({
      status: 'True',
      reason: 'NewReplicaSetAvailable',
      message: `ReplicaSet "${rs['nginx:1.29'].metadata.name}" has successfully progressed.`,
    });
  });
});
