import { getSite } from '@/lib/content';
import { HomePage } from '@/components/home/HomePage';

export const metadata = { alternates: { canonical: '/' } };

export default async function Page() {
  return <HomePage site={await getSite()} />;
}
