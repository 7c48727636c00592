import { contentRevision } from '@/lib/content/revision';

// Polled by ContentReloader under `npm run dev` so an edit in content/ reloads the page.
// In the static export it is a harmless file holding the build's revision.
export const dynamic = 'force-static';

export async function GET() {
  return Response.json({ revision: await contentRevision() });
}
