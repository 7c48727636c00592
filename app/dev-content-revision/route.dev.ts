import { contentRevision } from '@/lib/content/revision';

// Polled by ContentReloader under `npm run dev` so an edit in content/ reloads the page.
// Named route.dev.ts so only the dev server sees it (next.config.js pageExtensions): it never ships in the export.
export const dynamic = 'force-static';

export async function GET() {
  return Response.json({ revision: await contentRevision() });
}
