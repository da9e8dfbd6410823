/** Test helpers: a simulation, a session with in-memory files, and `k('get pods')`. */
import { createSimulation } from '../cluster/create';
import { defaultClusterConfig } from '../config';
import { bufferIo, runHeadless, type Session } from '../command';
import { runKubectl, splitCommandLine } from './index';

export function harness(files: Record<string, string> = {}) {
  const sim = createSimulation(defaultClusterConfig({ seed: 1 }));
  const session: Session = {
    sim,
    namespace: 'default',
    files: { read: (p) => files[p], list: () => undefined },
  };
  const k = (line: string, stdin?: string) => {
    const io = bufferIo();
    const code = runHeadless(sim, runKubectl(session, splitCommandLine(line), io, stdin));
    return { code, out: io.stdout, err: io.stderr };
  };
  return { sim, session, files, k };
}
