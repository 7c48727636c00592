import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { searchConfig, type SearchIndexFile } from '@/lib/search';
import { cachedSearchIndex } from '@/lib/search/file/indexCache';
import { section } from './fixtures/records';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'search-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const index = (text: string): SearchIndexFile => ({ version: searchConfig.indexVersion, records: [section('A', 'B', text)] });

describe('the CLI reads a cached index, rebuilt only when the content changed', () => {
  it('builds it when missing, then reads it without building', async () => {
    const cache = path.join(dir, 'cache', 'index.json');
    await writeFile(path.join(dir, 'chapter.mdx'), 'x');
    const build = vi.fn(async () => index('first'));
    expect((await cachedSearchIndex(cache, [dir], build)).records[0].text).toBe('first');
    expect(JSON.parse(await readFile(cache, 'utf8')).records[0].text).toBe('first');
    expect((await cachedSearchIndex(cache, [path.join(dir, 'chapter.mdx')], build)).records[0].text).toBe('first');
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('rebuilds when a source file is newer than the cache', async () => {
    const cache = path.join(dir, 'index.json');
    const source = path.join(dir, 'content');
    await cachedSearchIndex(cache, [dir], async () => index('old'));
    await writeFile(source, 'changed');
    const later = new Date(Date.now() + 60_000);
    await utimes(source, later, later);
    expect((await cachedSearchIndex(cache, [dir], async () => index('new'))).records[0].text).toBe('new');
  });

  it('rebuilds a damaged cache rather than failing the search', async () => {
    const cache = path.join(dir, 'index.json');
    await writeFile(cache, '{"version":');
    expect((await cachedSearchIndex(cache, [], async () => index('fresh'))).records[0].text).toBe('fresh');
  });
});
