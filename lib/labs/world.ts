import { createCluster, type Cluster } from '@/lib/cluster';
import type { LabScenarioFile } from './schema';
import { scriptLines } from './lines';

export interface SetupFailure {
  line: string;
  output: string;
}

export interface LabWorld {
  cluster: Cluster;
  /** Setup lines that did not succeed: an authoring bug the build reports. */
  failures: SetupFailure[];
}

/** A fresh cluster shaped like the scenario, with its setup already run. Deterministic: same seed, same cluster. */
export function createLabWorld(scenario: Pick<LabScenarioFile, 'cluster' | 'files' | 'setup'>): LabWorld {
  const { seed, workers, cpu, memory, etcdMembers, zones } = scenario.cluster;
  const cluster = createCluster({ seed, workers, cpu, memory, etcdMembers, zones, files: scenario.files });
  const failures: SetupFailure[] = [];
  for (const line of scriptLines(scenario.setup)) {
    const result = cluster.exec(line);
    if (result.exitCode !== 0) failures.push({ line, output: (result.stderr || result.stdout).trim() });
  }
  return { cluster, failures };
}
