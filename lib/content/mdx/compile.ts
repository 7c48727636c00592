import { bundleMDX } from 'mdx-bundler';
import remarkGfm from 'remark-gfm';
import { remarkCollectReferences, type MdxReferences } from './collect';
import { rehypeHeadings, type HeadingInfo } from './headings';
import { codeColorCss, highlightPlugin } from './highlight';
import { rehypeSections } from './sections';
import { errorMessages, type ContentProblem } from '../errors';

export interface CompiledMdx extends MdxReferences, HeadingInfo {
  /** The bundled MDX module, evaluated only on the server at build time. */
  code: string;
  /** CSS for the syntax colours this document's code blocks use. */
  codeCss: string;
  words: number;
}

interface EsbuildFailure {
  errors?: { text: string; location?: { line: number } | null; detail?: { cause?: { reason?: string } } }[];
}

/** Compiles one MDX body (frontmatter already blanked out, so lines match the file). */
export async function compileMdx(file: string, body: string): Promise<{ compiled: CompiledMdx } | { problems: ContentProblem[] }> {
  const refs: MdxReferences = { components: [], links: [] };
  const headings: HeadingInfo = { toc: [], sections: [], ids: [], duplicateIds: [] };
  const colorPairs = new Set<string>();
  try {
    const { code } = await bundleMDX({
      source: body,
      // Problems are reported once, by us, with the file name; esbuild's own log would repeat them.
      esbuildOptions: (options) => ({ ...options, logLevel: 'silent' }),
      mdxOptions(options) {
        options.remarkPlugins = [...(options.remarkPlugins ?? []), remarkGfm, remarkCollectReferences(refs)];
        options.rehypePlugins = [...(options.rehypePlugins ?? []), rehypeHeadings(headings), highlightPlugin(colorPairs), rehypeSections()];
        return options;
      },
    });
    const words = headings.sections.reduce((n, s) => n + s.text.split(/\s+/).filter(Boolean).length, 0);
    const problems = headings.duplicateIds.map((d) => ({ file, line: d.line, message: errorMessages.duplicateHeading(d.id) }));
    if (problems.length) return { problems };
    return { compiled: { code, codeCss: codeColorCss(colorPairs), words, ...refs, ...headings } };
  } catch (error) {
    const failure = error as EsbuildFailure;
    const errors = failure.errors?.length ? failure.errors : [{ text: String((error as Error).message ?? error), location: null }];
    return {
      problems: errors.map((e) => ({
        file,
        line: e.location?.line,
        message: errorMessages.mdxSyntax(e.detail?.cause?.reason ?? e.text.split('\n')[0]),
      })),
    };
  }
}
