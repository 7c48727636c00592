import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/site/metadata';
import { getSite } from '@/lib/content';
import { GlossaryPage } from '@/components/glossary/GlossaryPage';

export const metadata: Metadata = pageMetadata({
  title: 'Glossary',
  description: 'Every term Clusterbook uses, from cgroup to kubelet, with a short definition and where it is taught.',
  path: '/glossary',
});

export default async function Page() {
  const site = await getSite();
  return <GlossaryPage site={site} />;
}
