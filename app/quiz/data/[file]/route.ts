import { getSite } from '@/lib/content';

// Each chapter's quiz as a static JSON file (/quiz/data/<slug>.json), fetched by the quiz UI only
// when the reader reaches it, so chapter pages carry none of it at first load.
export const dynamic = 'force-static';
export const dynamicParams = false;

type Params = { params: Promise<{ file: string }> };

export async function generateStaticParams() {
  return (await getSite()).quizzes.map((q) => ({ file: `${q.slug}.json` }));
}

export async function GET(_request: Request, { params }: Params) {
  const { file } = await params;
  const quiz = (await getSite()).quizzes.find((q) => `${q.slug}.json` === file);
  if (!quiz) return new Response('No such quiz', { status: 404 });
  return Response.json(quiz);
}
