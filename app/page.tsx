import { getSite } from '@/lib/content';
import { HomePage } from '@/components/home/HomePage';

export default async function Page() {
  return <HomePage site={await getSite()} />;
}
