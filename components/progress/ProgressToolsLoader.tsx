'use client';

import { Lazy } from './Lazy';

const load = () => import('./ProgressTools').then((m) => m.ProgressTools);

/** The progress tools, loaded after the page (they bring the store and its schemas). */
export function ProgressToolsLoader() {
  return <Lazy load={load} label="Progress tools" />;
}
