import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { siteConfig } from '@/lib/site/config';
import { chapterMarkdown } from '@/lib/site/markdown';
import { lastUpdated } from '@/lib/site/last-updated';

describe('site configuration', () => {
  it('defaults to localhost and hides "Edit this page" without a repository', () => {
    const config = siteConfig({});
    expect(config.siteUrl).toBe('http://localhost:3000');
    expect(config.editUrl).toBeUndefined();
  });

  it('builds edit URLs from a repository URL and branch, without a trailing slash or .git', () => {
    const config = siteConfig({
      CLUSTERBOOK_SITE_URL: 'https://book.example.org/',
      CLUSTERBOOK_REPO_URL: 'https://github.com/acme/clusterbook.git',
      CLUSTERBOOK_REPO_BRANCH: 'trunk',
    });
    expect(config.siteUrl).toBe('https://book.example.org');
    expect(config.editUrl?.('content/chapters/node-failure.mdx')).toBe(
      'https://github.com/acme/clusterbook/edit/trunk/content/chapters/node-failure.mdx',
    );
  });

  it('rejects a site URL that is not http(s), saying which setting is wrong', () => {
    expect(() => siteConfig({ CLUSTERBOOK_SITE_URL: 'javascript:alert(1)' })).toThrow(/CLUSTERBOOK_SITE_URL/);
  });
});

describe('a chapter as Markdown', () => {
  const page = (source: string) =>
    chapterMarkdown({
      title: 'T',
      description: 'D',
      url: 'https://book.example.org/chapters/t',
      source,
      termTitle: (id) => (id === 'kubelet' ? 'kubelet' : id.toUpperCase()),
    });

  it('drops the frontmatter and keeps terms as their words', () => {
    const md = page('---\ntitle: T\n---\nThe <Term id="kubelet">node agent</Term> and <Term id="pod" /> run.\n');
    expect(md).toContain('The node agent and POD run.');
    expect(md).not.toContain('title: T');
    expect(md.startsWith('# T\n\n> D\n')).toBe(true);
  });

  it('turns callouts into quotes, and labs and diagrams into links to the page', () => {
    const md = page(
      '<Callout type="warning" title="Careful">\nLine one.\n</Callout>\n\n<ClusterLab scenario="node-failure" />\n\n<NodeFailureTimeline />\n',
    );
    expect(md).toContain('> **Careful**\n>\n> Line one.');
    expect(md).toContain('*Interactive lab "node-failure": run it at https://book.example.org/chapters/t*');
    expect(md).toContain('*Diagram (Node Failure Timeline): see https://book.example.org/chapters/t*');
  });

  it('leaves code blocks alone and makes site links absolute', () => {
    const md = page('See [pods](/chapters/pods#x).\n\n```tsx\n<Term id="x" />\n```\n');
    expect(md).toContain('[pods](https://book.example.org/chapters/pods#x)');
    expect(md).toContain('```tsx\n<Term id="x" />\n```');
  });
});

describe('last updated', () => {
  it('is unknown outside a git repository rather than a guess', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'clusterbook-nogit-'));
    await expect(lastUpdated(path.join(dir, 'x.mdx'), dir)).resolves.toBeUndefined();
  });
});

describe('last updated in this repository', () => {
  it('is the date of the last commit that touched the file, or unknown in a shallow clone', async () => {
    const { execFileSync } = await import('node:child_process');
    const isShallow = execFileSync('git', ['rev-parse', '--is-shallow-repository'], { encoding: 'utf8' }).trim() === 'true';
    const date = await lastUpdated('content/parts.yaml');
    if (isShallow) expect(date).toBeUndefined();
    else {
      const expected = execFileSync('git', ['log', '-1', '--format=%cI', '--', 'content/parts.yaml'], { encoding: 'utf8' }).trim();
      expect(date?.getTime()).toBe(new Date(expected).getTime());
    }
  });
});
