'use client';

import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { getProgressStore } from '@/lib/progress';
import type { Progress } from '@/lib/progress';
import type { ProgressStore, StorageLike } from '@/lib/progress';
import { quizSchema, type Quiz } from '@/lib/quiz';
import type { ClusterFactory } from '@/lib/quiz';
import { loadClusterFactory } from '@/lib/quiz';

/**
 * Everything the quiz UI needs from the outside world, injected so component tests can pass a
 * memory store, a fake cluster, a fixed random source and canned quizzes.
 */
export interface QuizServices {
  store: () => ProgressStore;
  makeCluster: () => Promise<ClusterFactory>;
  random: () => number;
  /** The time, for what is due; tests travel through days with it. */
  now: () => number;
  fetchQuiz: (slug: string) => Promise<Quiz>;
  /** Where an attempt in progress is kept across reloads (lib/quiz/attempt); none: attempts are not kept. */
  attemptStorage?: () => StorageLike | undefined;
}

let clusterFactory: Promise<ClusterFactory> | undefined;

/** Where the build writes each quiz (app/quiz/data/[file]/route.ts). */
export const quizDataUrl = (slug: string) => `/quiz/data/${slug}.json`;

export const browserServices: QuizServices = {
  store: getProgressStore,
  makeCluster: () => {
    clusterFactory ??= loadClusterFactory().catch((error: unknown) => {
      clusterFactory = undefined;
      throw error;
    });
    return clusterFactory;
  },
  random: Math.random,
  now: Date.now,
  fetchQuiz: async (slug) => {
    const response = await fetch(quizDataUrl(slug));
    if (!response.ok) throw new Error(`quiz ${slug}: HTTP ${response.status}`);
    return quizSchema.parse(await response.json());
  },
  attemptStorage: () => {
    try {
      return window.localStorage;
    } catch {
      return undefined;
    }
  },
};

const ServicesContext = createContext<QuizServices>(browserServices);

export function QuizServicesProvider({ services, children }: { services: QuizServices; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export const useQuizServices = () => useContext(ServicesContext);

/** The reader's progress, re-rendering on every change. */
export function useProgress(): { store: ProgressStore; progress: Progress } {
  const store = useQuizServices().store();
  const progress = useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.get(),
    () => store.get(),
  );
  return { store, progress };
}
