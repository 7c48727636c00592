import type { ReactNode } from 'react';
import { QuizServicesProvider, type QuizServices } from '@/components/quiz/services';
import { ProgressStore } from '@/lib/progress/store';
import type { Quiz } from '@/lib/quiz/schema';
import { recordingClusterFactory } from './recording-cluster';
import { MemoryStorage, travellingClock } from './memory-storage';

/**
 * Services for component tests: a memory store on a clock that can travel, the real mini-cluster, a
 * fixed random source and quizzes served from memory.
 */
export function testServices(quizzes: Quiz[] = [], storage = new MemoryStorage()) {
  const clock = travellingClock();
  const store = new ProgressStore({ storage, now: clock.now });
  const cluster = recordingClusterFactory();
  let r = 0.3;
  const services: QuizServices = {
    store: () => store,
    makeCluster: async () => cluster,
    random: () => (r = ((r * 9301 + 49297) % 233280) / 233280),
    now: clock.now,
    fetchQuiz: async (slug) => {
      const quiz = quizzes.find((q) => q.slug === slug);
      if (!quiz) throw new Error(`no quiz ${slug}`);
      return quiz;
    },
  };
  const wrapper = ({ children }: { children: ReactNode }) => <QuizServicesProvider services={services}>{children}</QuizServicesProvider>;
  return { services, store, storage, clock, cluster, wrapper };
}
