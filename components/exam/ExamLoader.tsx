'use client';

import { useCallback } from 'react';
import { Lazy } from '../progress/Lazy';
import type { Deck } from '../progress/reviewDeck';

export function ExamLoader({ deck }: { deck: Deck }) {
  const load = useCallback(() => import('./ExamSession').then((m) => m.bindExam(deck)), [deck]);
  return <Lazy load={load} label="The exam" />;
}
