import { quizPolicy } from '../policy';
import type { PredictionQuery } from '../schema';
import { podsMatching } from './match';
import type { ClusterView } from './port';

/** Whether a prediction is answered by picking one of its choices or by typing a number. */
export function answerKind(query: PredictionQuery): 'choice' | 'number' {
  return 'choices' in query ? 'choice' : 'number';
}

/** The true answer to a prediction, read from the cluster the scenario produced. Never from content. */
export function answerFrom(query: PredictionQuery, view: ClusterView): string {
  switch (query.query) {
    case 'podStatus':
      return view.pods.find((p) => p.name === query.name && p.namespace === query.namespace)?.status ?? quizPolicy.absentValue;
    case 'nodeStatus':
      return view.nodes.find((n) => n.name === query.name)?.status ?? quizPolicy.absentValue;
    case 'podCount':
      return String(podsMatching(view, query.where).length);
    case 'deploymentReady':
      return String(view.deployments.find((d) => d.name === query.name && d.namespace === query.namespace)?.ready ?? 0);
  }
}
