import type { Metadata } from 'next';
import { getSite } from '@/lib/content';
import { GlossaryPage } from '@/components/glossary/GlossaryPage';

export const metadata: Metadata = {
  title: 'Glossary',
  description: 'Every term Clusterbook uses, from cgroup to kubelet, with a short definition and where it is taught.',
};

export default async function Page() {
  const site = await getSite();
  return <GlossaryPage site={site} />;
}
