import { errorMessages, fetchSearchIndex, parseSearchIndex, SearchIndexError, searchConfig } from '@/lib/search';
import { sampleIndexFile } from './fixtures/records';

const respond =
  (body: BodyInit | null, status = 200) =>
  async () =>
    new Response(body, { status });

describe('the index file is checked before it is searched', () => {
  it('accepts a valid file', async () => {
    await expect(fetchSearchIndex(respond(JSON.stringify(sampleIndexFile)))).resolves.toEqual(sampleIndexFile);
  });

  it('explains a missing file', async () => {
    await expect(fetchSearchIndex(respond('Not found', 404))).rejects.toThrow(errorMessages.indexUnavailable('HTTP 404'));
  });

  it('explains a network failure', async () => {
    const offline = async (): Promise<Response> => {
      throw new TypeError('Failed to fetch');
    };
    await expect(fetchSearchIndex(offline)).rejects.toThrow(errorMessages.indexUnavailable('network error'));
  });

  it('explains a file that is not JSON, such as one cut short', async () => {
    await expect(fetchSearchIndex(respond('{"version":1,"records":[{"kind"'))).rejects.toThrow(
      errorMessages.indexInvalid('not valid JSON'),
    );
  });

  it('explains a file from another version of the site', () => {
    expect(() => parseSearchIndex({ version: 0, records: [] })).toThrow(errorMessages.indexVersion(0, searchConfig.indexVersion));
  });

  it('names the first broken field of a damaged file', () => {
    const broken = { ...sampleIndexFile, records: [{ ...sampleIndexFile.records[0], url: 42 }] };
    expect(() => parseSearchIndex(broken)).toThrow(errorMessages.indexInvalid('records.0.url: invalid type'));
  });

  it('throws SearchIndexError, whose message is fit to show a reader', async () => {
    await expect(fetchSearchIndex(respond('', 500))).rejects.toBeInstanceOf(SearchIndexError);
    expect(() => parseSearchIndex(null)).toThrow(SearchIndexError);
  });
});
