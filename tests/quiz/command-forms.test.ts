// Command answers may be typed the way the terminal accepts them: a pasted prompt, pipes, jsonpath.
import { describe, expect, it } from 'vitest';
import { quizErrors } from '@/lib/quiz/errors';
import { commandProblem } from '@/lib/quiz/simulation/grade';

describe('command answers', () => {
  it('a pasted "$ " prompt is not part of the answer', () => {
    expect(commandProblem('$ kubectl cordon worker-1')).toBeUndefined();
  });

  it('jsonpath queries and pipes are kubectl commands too', () => {
    expect(commandProblem("kubectl get pods -o jsonpath='{.items[*].spec.nodeName}'")).toBeUndefined();
    expect(commandProblem('kubectl get pods -o wide | grep worker-1')).toBeUndefined();
  });

  it('other programs are still refused', () => {
    expect(commandProblem('$ rm -rf /')).toBe(quizErrors.notKubectl);
  });
});
