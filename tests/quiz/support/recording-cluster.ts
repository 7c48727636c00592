import { loadClusterFactory, type ClusterFactory, type QuizCluster } from '@/lib/quiz';

/** A real mini-cluster that also remembers its seed and every line it was given. */
export interface RecordedCluster extends QuizCluster {
  seed: number;
  log: string[];
}

/** Loaded by the first cluster a test makes: a load started on import could still be running when a test file that never grades ends. */
let real: Promise<ClusterFactory> | undefined;

/**
 * The real model (lib/cluster), wrapped so tests can see what grading did: which seed it made
 * each cluster with and which lines it ran, in order. Grading is never tested against a stand-in,
 * so a command passes here exactly when it passes for a reader.
 */
export function recordingClusterFactory(): ClusterFactory & { made: RecordedCluster[] } {
  const made: RecordedCluster[] = [];
  const factory: ClusterFactory = async (options) => {
    const cluster = await (await (real ??= loadClusterFactory()))(options);
    const recorded: RecordedCluster = {
      seed: options.seed,
      log: [],
      exec: (line) => {
        recorded.log.push(line);
        return cluster.exec(line);
      },
      view: () => cluster.view(),
    };
    made.push(recorded);
    return recorded;
  };
  return Object.assign(factory, { made });
}
