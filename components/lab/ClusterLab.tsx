import { getLabScenario } from '@/lib/labs/server';
import { LabLauncher } from './LabLauncher';

/**
 * <ClusterLab scenario="node-failure" /> in a chapter: the scenario is read and checked on the
 * server at build time and handed to the client shell as plain data.
 */
export async function ClusterLab({ scenario }: { scenario: string }) {
  return <LabLauncher scenario={await getLabScenario(scenario)} />;
}
