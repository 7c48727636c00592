'use client';

import { Lazy } from './Lazy';

const load = () => import('./ReviewSession').then((m) => m.ReviewSession);

export function ReviewSessionLoader() {
  return <Lazy load={load} label="The review session" />;
}
