/**
 * `kubectl logs --previous` and `-f` across container restarts, as kubelet
 * validateContainerLogStatus picks the container: `--previous` reads lastState.terminated's
 * instance, and without one the API server answers BadRequest.
 */
import { describe, expect, it } from 'vitest';
import { run } from './transcript';

const CRASH = `kubectl run boom --image=busybox -- sh -c 'echo boom \${HOSTNAME}; date; exit 1'\n`;
const SLOW = `kubectl run slow --image=busybox -- sh -c 'echo started; date; sleep 30; exit 1'\n`;

describe('kubectl logs --previous', () => {
  it('reads the crashed instance while the pod waits in CrashLoopBackOff', () => {
    const { out, err } = run(CRASH + 'sleep 3s\nkubectl logs boom --previous\n');
    expect(err).toBe('');
    expect(out.split('\n').slice(1)).toEqual(['boom boom', 'Mon Jan  5 09:00:01 UTC 2026', '']);
  });

  it('reads the instance before the running one after a restart', () => {
    const { out } = run(
      SLOW + 'sleep 50s\nkubectl get pod slow\nkubectl logs slow -p\nkubectl logs slow\n',
    );
    const lines = out.split('\n');
    expect(lines[2]).toMatch(/^slow\s+1\/1\s+Running\s+1 /);
    expect(lines.slice(3, 5)).toEqual(['started', 'Mon Jan  5 09:00:01 UTC 2026']);
    expect(lines[5]).toBe('started');
    expect(lines[6]).toMatch(/^Mon Jan {2}5 09:00:3\d UTC 2026$/);
  });

  it('is BadRequest when the container never terminated before', () => {
    const { err } = run(
      "kubectl run once --image=busybox --restart=Never -- sh -c 'echo hi'\nsleep 5s\nkubectl logs once -p\n",
    );
    expect(err).toBe(
      'Error from server (BadRequest): previous terminated container "once" in pod "once" not found\n',
    );
  });

  it('follows a crash-looping container until it exits', () => {
    const { out, err } = run(
      "kubectl run loop --image=busybox -- sh -c 'echo start; sleep 5; echo end; exit 1'\nsleep 2s\nkubectl logs loop -f\nkubectl get pod loop\n",
    );
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines.slice(1, 3)).toEqual(['start', 'end']);
    // -f returned: the next command ran, and no second instance's `start` was streamed.
    expect(lines[3]).toMatch(/^NAME\s+READY\s+STATUS/);
  });
});
