import { useBrowser } from './support/fixture';

const b = useBrowser();

describe('what a shared or indexed page carries', () => {
  it.each([
    ['/chapters/node-failure', 'When a node fails'],
    ['/glossary', 'Glossary'],
    ['/chapters', 'Chapters'],
    ['/quiz', 'Quizzes'],
  ])('%s has its own title, description, canonical URL and social meta', async (route, title) => {
    const page = await b.open(route);
    await expect(page.title()).resolves.toBe(`${title} · Clusterbook`);
    const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
    await expect(meta('meta[name="description"]')).resolves.toMatch(/^.{30,}$/);
    await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`http://localhost:3000${route}`);
    await expect(meta('meta[property="og:title"]')).resolves.toBe(title);
    await expect(meta('meta[property="og:url"]')).resolves.toBe(`http://localhost:3000${route}`);
    await expect(meta('meta[name="twitter:card"]')).resolves.toMatch(/^summary/);
  });

  it('gives each chapter a generated social image that is really there', async () => {
    const page = await b.open('/chapters/namespaces');
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toBe('http://localhost:3000/social/namespaces.png');
    const response = await fetch(`${b.baseUrl}/social/namespaces.png`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });

  it('exports sitemap.xml with every chapter and a robots.txt that points at it', async () => {
    const sitemap = await (await fetch(`${b.baseUrl}/sitemap.xml`)).text();
    expect(sitemap).toContain('<loc>http://localhost:3000/chapters/node-failure</loc>');
    expect(sitemap.match(/<loc>http:\/\/localhost:3000\/chapters\/[a-z-]+<\/loc>/g)?.length).toBeGreaterThanOrEqual(10);
    const robots = await (await fetch(`${b.baseUrl}/robots.txt`)).text();
    expect(robots).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });

  it('exports llms.txt listing every chapter as Markdown, and llms-full.txt with all of them', async () => {
    const index = await (await fetch(`${b.baseUrl}/llms.txt`)).text();
    const links = [...index.matchAll(/\]\(http:\/\/localhost:3000(\/markdown\/[a-z-]+\.md)\)/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(10);
    for (const link of links.slice(0, 3)) expect((await fetch(b.baseUrl + link)).status).toBe(200);
    const full = await (await fetch(`${b.baseUrl}/llms-full.txt`)).text();
    expect(full.match(/^# /gm)?.length).toBeGreaterThanOrEqual(links.length);
    expect(full).not.toMatch(/<Term\b|<ClusterLab\b|<Callout\b/);
  });
});

describe('on a chapter page', () => {
  it('shows when it was last updated and no edit link when no repository is configured', async () => {
    const page = await b.open('/chapters/node-failure');
    const time = page.locator('.chapter-meta time');
    await expect(time.getAttribute('datetime')).resolves.toMatch(/^\d{4}-\d\d-\d\dT/);
    await expect(page.getByRole('link', { name: 'Edit this page' }).count()).resolves.toBe(0);
  });

  it('copies the page as Markdown', async () => {
    const page = await b.open('/chapters/namespaces');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy page as Markdown' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Copied as Markdown' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith('# Linux namespaces and cgroups\n')).toBe(true);
    expect(copied).toContain('## ');
  });
});

describe('the home page', () => {
  it('says what is different and offers to continue where the reader left off, with each part progress', async () => {
    const page = await b.open('/');
    await expect(page.getByRole('heading', { name: 'What makes it different' }).isVisible()).resolves.toBe(true);
    await expect(page.locator('.continue-reading').count()).resolves.toBe(0);
    await page.evaluate(() =>
      localStorage.setItem(
        'clusterbook.progress',
        JSON.stringify({
          version: 2,
          chapters: { namespaces: { readAt: 5 }, 'containers-and-images': { readAt: 9 } },
          quizzes: {},
          labs: {},
          cards: {},
        }),
      ),
    );
    await page.reload({ waitUntil: 'networkidle' });
    // The first chapter was read last: continue with the next one in reading order.
    const firstPart = page.locator('.part-card').first();
    const second = await firstPart.locator('.part-chapters a').nth(1).getAttribute('href');
    await expect(page.locator('.continue-reading-link').getAttribute('href')).resolves.toBe(second);
    await expect(firstPart.locator('.part-progress-words').textContent()).resolves.toMatch(/^1 of \d+ read/);
  });
});
