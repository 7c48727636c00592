// Console blocks: the commands after "$ " (with backslash continuations), and their output.
import { describe, expect, it } from 'vitest';
import { consoleCommands, consoleSteps } from '@/lib/cluster/shell/console';

describe('console blocks', () => {
  const block =
    '$ kubectl get nodes\nNAME     STATUS\nworker-1 Ready\n$ kubectl describe node worker-1 \\\n    | grep Taints\nTaints: <none>\n';

  it('copies only the commands: no prompt, no output', () => {
    expect(consoleCommands(block)).toBe('kubectl get nodes\nkubectl describe node worker-1 | grep Taints');
  });

  it('keeps each command’s output lines with it', () => {
    expect(consoleSteps(block)).toEqual([
      { command: 'kubectl get nodes', output: ['NAME     STATUS', 'worker-1 Ready'] },
      { command: 'kubectl describe node worker-1 | grep Taints', output: ['Taints: <none>'] },
    ]);
  });
});
