/** A fenced code block of an MDX file: its language and its code, as written. */
export interface CodeBlock {
  lang: string;
  code: string;
}

const fence = /^[ \t]*(`{3,}|~{3,})([^\n]*)\n([\s\S]*?)^[ \t]*\1[ \t]*$/gm;

export function findCodeBlocks(mdx: string): CodeBlock[] {
  return [...mdx.matchAll(fence)].map((m) => ({ lang: m[2].trim().split(/\s+/)[0] ?? '', code: m[3] }));
}

/**
 * Which lines of a code block are worth searching, by language. A console session is mostly
 * command output (tables of pods, status dumps) that readers never search for and that would make
 * the index much bigger; its commands and error messages are kept. Scripts, manifests and
 * messages quoted as `text` are kept whole.
 */
const searchedLines: Readonly<Record<string, (line: string) => boolean>> = {
  console: (line) => /^\s*[$#] /.test(line) || /error|warning|fail|denied|refused|forbidden|cannot|unable/i.test(line),
};

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Section text (from lib/content, whitespace collapsed) with each code block that has a line
 * policy cut down to its searched lines. A block that cannot be found verbatim is left alone.
 */
export function shortenCodeBlocks(text: string, blocks: readonly CodeBlock[]): string {
  let result = text;
  for (const block of blocks) {
    const keep = searchedLines[block.lang];
    const whole = collapse(block.code);
    if (!keep || !whole) continue;
    const at = result.indexOf(whole);
    if (at < 0) continue;
    const kept = collapse(block.code.split('\n').filter(keep).join('\n'));
    result = collapse(`${result.slice(0, at)} ${kept} ${result.slice(at + whole.length)}`);
  }
  return result;
}
