import { ImageResponse } from 'next/og';
import { getSite } from '@/lib/content';

// A 1200x630 card per chapter (/social/<slug>.png) for link previews, drawn at build time.
export const dynamic = 'force-static';
export const dynamicParams = false;

type Params = { params: Promise<{ file: string }> };

export async function generateStaticParams() {
  return (await getSite()).chapters.map((c) => ({ file: `${c.slug}.png` }));
}

export async function GET(_request: Request, { params }: Params) {
  const { file } = await params;
  const site = await getSite();
  const chapter = site.chapters.find((c) => `${c.slug}.png` === file);
  if (!chapter) return new Response('No such chapter', { status: 404 });
  const partNumber = site.parts.findIndex((p) => p.id === chapter.part) + 1;
  const part = site.parts[partNumber - 1];
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '72px 80px',
        background: '#0d1117',
        color: '#e6edf3',
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 20, fontSize: 34, fontWeight: 700 }}>
        <div style={{ width: 56, height: 56, borderRadius: 14, background: '#2453c7', display: 'flex' }} />
        Clusterbook
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 24 }}>
        <div style={{ fontSize: 30, color: '#7aa7ff' }}>{`Part ${partNumber}: ${part?.title ?? ''}`}</div>
        <div style={{ fontSize: 72, fontWeight: 800, lineHeight: 1.1, letterSpacing: -2 }}>{chapter.title}</div>
        <div style={{ fontSize: 32, color: '#9da7b3', lineHeight: 1.4 }}>{chapter.description}</div>
      </div>
    </div>,
    { width: 1200, height: 630 },
  );
}
