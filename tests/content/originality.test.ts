import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { copiedRuns, findCopies, SHINGLE, seedsDir, shinglesOf, tokenize, unitsOf } from './support/originality';

const note = 'Containers offer the light weight design of a Process and the isolation of an Operating System';
const shingles = shinglesOf([note]);
const check = (text: string) => copiedRuns(tokenize(text, { blockquotes: true }), shingles);

describe('the originality rule', () => {
  it('flags eight words in a row taken from a note, case and punctuation aside', () => {
    expect(check('As someone put it, containers offer the light-weight design of a process. Nothing more.')).toEqual([
      'containers offer the light weight design of a process',
    ]);
  });

  it('lets seven words pass, because the shingle is eight', () => {
    expect(SHINGLE).toBe(8);
    expect(check('They like the light weight design of a process model.')).toEqual([]);
  });

  it('accepts the run inside straight or curly quotation marks, or in a blockquote', () => {
    expect(check('A note says "containers offer the light weight design of a process".')).toEqual([]);
    expect(check('A note says “containers offer the light weight design of a process”.')).toEqual([]);
    expect(check('A note says:\n\n> Containers offer the light weight design of a Process\n\nIndeed.')).toEqual([]);
  });

  it('rejects a run that only starts inside a quotation', () => {
    expect(check('"Containers offer the light" weight design of a process')).toEqual([
      'containers offer the light weight design of a process',
    ]);
  });

  it('does not let a quotation run over a line break', () => {
    expect(check('"Containers offer the light weight\ndesign of a process"')).not.toEqual([]);
  });

  it("treats YAML's own quotes as syntax, not as a quotation", () => {
    const units = unitsOf('quiz.yaml', 'questions:\n  - text: "containers offer the light weight design of a process"\n');
    expect(units.flatMap((u) => copiedRuns(tokenize(u.text, u), shingles))).toEqual([
      'containers offer the light weight design of a process',
    ]);
  });

  it('counts Korean words as words', () => {
    const korean = shinglesOf(['커널은 운영체제의 핵심부로 컴퓨터 자원 들을 관리하는 역할을 수행']);
    expect(copiedRuns(tokenize('커널은 운영체제의 핵심부로 컴퓨터 자원 들을 관리하는 역할을', { blockquotes: true }), korean)).toHaveLength(
      1,
    );
  });
});

describe('content/ copies no run of the study notes outside a quotation', () => {
  const root = process.cwd();
  const dir = seedsDir(root);

  it('finds the study notes (../shared/seeds, or CLUSTERBOOK_SEEDS)', () => {
    expect(dir, 'no shared/seeds folder beside the repository; set CLUSTERBOOK_SEEDS').toBeDefined();
    expect(readdirSync(dir!).length).toBeGreaterThan(0);
  });

  it(`has no ${SHINGLE}-word run of the notes outside a quotation`, () => {
    const seeds = readdirSync(dir!).map((f) => readFileSync(path.join(dir!, f), 'utf8'));
    const copies = findCopies(path.join(root, 'content'), seeds);
    expect(copies.map((c) => `${c.file}: "${c.text}"`)).toEqual([]);
  });
});
