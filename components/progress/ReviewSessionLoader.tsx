'use client';

import { useCallback } from 'react';
import { Lazy } from './Lazy';
import type { Deck } from './reviewDeck';

export function ReviewSessionLoader({ deck }: { deck: Deck }) {
  const load = useCallback(() => import('./ReviewSession').then((m) => m.bindReview(deck)), [deck]);
  return <Lazy load={load} label="The review session" />;
}
