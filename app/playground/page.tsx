import type { Metadata } from 'next';
import { PlaygroundPage } from '@/components/playground/PlaygroundPage';
import { loadLabs } from '@/lib/labs/server';
import { pageMetadata } from '@/lib/site/metadata';

export const metadata: Metadata = pageMetadata({
  title: 'Playground',
  description: 'A simulated Kubernetes cluster of the shape you choose, with no goal: break it, share it, export it as a script.',
  path: '/playground',
});

export default async function Page() {
  const { labs } = await loadLabs();
  return <PlaygroundPage labs={labs.map(({ id, title, cluster, files, setup }) => ({ id, title, cluster, files, setup }))} />;
}
