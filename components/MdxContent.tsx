import { getMDXComponent } from 'mdx-bundler/client';
import { getMdxComponents, type MdxContext } from './mdx';

const cache = new Map<string, ReturnType<typeof getMDXComponent>>();

/**
 * Renders build-compiled MDX on the server; no MDX code is ever evaluated in the browser.
 * `css` is the build-generated colour CSS for its code blocks.
 */
export function MdxContent({ code, css, context }: { code: string; css?: string; context: MdxContext }) {
  let Component = cache.get(code);
  if (!Component) {
    Component = getMDXComponent(code);
    cache.set(code, Component);
  }
  return (
    <>
      {css && <style>{css}</style>}
      <Component components={getMdxComponents(context)} />
    </>
  );
}
