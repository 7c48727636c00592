import { buildSearchIndex, searchConfig, splitSearchIndex } from '@/lib/search/node';
import { section } from './fixtures/records';
import { findCodeBlocks, shortenCodeBlocks } from '@/lib/search/indexing/codeBlocks';
import type { Section } from '@/lib/content';

const chapter = (slug: string, title: string, sections: Section[]) => ({ slug, title, href: `/chapters/${slug}`, sections });
const sec = (id: string | null, heading: string | null, text: string, depth: 2 | 3 | null = 2): Section => ({ id, heading, depth, text });

const content = {
  chapters: [
    chapter('worker-nodes', 'Worker nodes', [
      sec(null, null, 'What runs on every node.', null),
      sec('the-kubelet', 'The kubelet', 'The kubelet is the agent on each node.'),
      sec('watching-for-its-pods', 'Watching for its pods', 'It watches the API server.', 3),
    ]),
  ],
  glossary: [{ id: 'kubelet', title: 'kubelet', short: 'The node agent.', aliases: ['node agent'] }],
};

describe('the search index is built from the content', () => {
  it('has one record per section, h2 and h3 alike, with the chapter title, heading and a URL with the anchor', () => {
    const { records } = buildSearchIndex(content);
    expect(records.filter((r) => r.kind === 'section')).toEqual([
      {
        kind: 'section',
        title: 'Worker nodes',
        section: null,
        url: '/chapters/worker-nodes',
        text: 'What runs on every node.',
        keywords: [],
      },
      {
        kind: 'section',
        title: 'Worker nodes',
        section: 'The kubelet',
        url: '/chapters/worker-nodes#the-kubelet',
        text: 'The kubelet is the agent on each node.',
        keywords: [],
      },
      {
        kind: 'section',
        title: 'Worker nodes',
        section: 'Watching for its pods',
        url: '/chapters/worker-nodes#watching-for-its-pods',
        text: 'It watches the API server.',
        keywords: [],
      },
    ]);
  });

  it('has one record per glossary term, linked to its entry, with its definition and aliases', () => {
    const { records } = buildSearchIndex(content);
    expect(records.at(-1)).toEqual({
      kind: 'glossary',
      title: 'kubelet',
      section: null,
      url: '/glossary#kubelet',
      text: 'The node agent.',
      keywords: ['node agent'],
    });
  });

  it('has one record per quiz question, its prompt without variables or answers, linked to that question', () => {
    const quiz = {
      slug: 'worker-nodes',
      chapterTitle: 'Worker nodes',
      questions: [
        { id: 'restarts', prompt: 'Who restarts a crashed container?', options: [{ text: 'The kubelet', correct: true }] },
        { id: 'after-wait', prompt: 'What does {{node}} show after {{ wait }}?' },
      ],
    } as unknown as NonNullable<Parameters<typeof buildSearchIndex>[0]['quizzes']>[number];
    const records = buildSearchIndex({ ...content, quizzes: [quiz] }).records.filter((r) => r.kind === 'quiz');
    expect(records).toEqual([
      {
        kind: 'quiz',
        title: 'Worker nodes',
        section: 'Quiz',
        url: '/chapters/worker-nodes#quiz-restarts',
        text: 'Who restarts a crashed container?',
        keywords: [],
      },
      {
        kind: 'quiz',
        title: 'Worker nodes',
        section: 'Quiz',
        url: '/chapters/worker-nodes#quiz-after-wait',
        text: 'What does … show after …?',
        keywords: [],
      },
    ]);
    expect(JSON.stringify(records)).not.toContain('The kubelet');
  });

  it('is stamped with the index version the browser expects', () => {
    expect(buildSearchIndex(content).version).toBe(searchConfig.indexVersion);
  });

  it('finds sections by the title of their part, and by the Korean names of the terms that link to them', () => {
    const chapter = { ...content.chapters[0], part: 'architecture' };
    const term = {
      id: 'pod',
      title: 'pod',
      short: 'The smallest unit.',
      aliases: [],
      related: [chapter.sections[1] ? `${chapter.href}#${chapter.sections[1].id}` : chapter.href],
      ko: { title: '파드', aliases: ['포드'], short: '가장 작은 단위.' },
    };
    const { records } = buildSearchIndex({
      chapters: [chapter],
      glossary: [term],
      parts: [{ id: 'architecture', title: 'Kubernetes architecture' }],
    });
    const sections = records.filter((r) => r.kind === 'section');
    expect(sections.every((r) => r.part === 'Kubernetes architecture')).toBe(true);
    expect(sections.filter((r) => r.koNames?.includes('파드')).map((r) => r.url)).toEqual(term.related);
    expect(records.find((r) => r.kind === 'glossary')).toMatchObject({ koNames: ['파드', '포드'], koText: '가장 작은 단위.' });
  });

  it('splits quiz questions into a file of their own for the browser', () => {
    const file = {
      version: searchConfig.indexVersion,
      records: [section('A', 'B', 'text'), { ...section('A', 'Quiz', 'q?'), kind: 'quiz' as const }],
    };
    const { main, quiz } = splitSearchIndex(file);
    expect(main.records.map((r) => r.kind)).toEqual(['section']);
    expect(quiz.records.map((r) => r.kind)).toEqual(['quiz']);
  });
});

describe('console output in code blocks is left out of the index', () => {
  const mdx = [
    'Some prose.',
    '',
    '```console',
    '$ kubectl get pods',
    'NAME    READY   STATUS    RESTARTS   AGE',
    'web-1   1/1     Running   0          5m',
    'Error from server (NotFound): pods "db" not found',
    '```',
    '',
    '```yaml title="pod.yaml"',
    'kind: Pod',
    '```',
  ].join('\n');
  const blocks = findCodeBlocks(mdx);

  it('finds every fenced block with its language', () => {
    expect(blocks.map((b) => b.lang)).toEqual(['console', 'yaml']);
  });

  it('keeps the commands and error messages of a console block and drops the rest of its output', () => {
    const text =
      'Some prose. $ kubectl get pods NAME READY STATUS RESTARTS AGE web-1 1/1 Running 0 5m Error from server (NotFound): pods "db" not found kind: Pod';
    expect(shortenCodeBlocks(text, blocks)).toBe(
      'Some prose. $ kubectl get pods Error from server (NotFound): pods "db" not found kind: Pod',
    );
  });

  it('leaves the text alone when a block is not found in it verbatim', () => {
    expect(shortenCodeBlocks('Other prose entirely.', blocks)).toBe('Other prose entirely.');
  });
});
