import { getMDXComponent } from 'mdx-bundler/client';
import { getMdxComponents, type MdxContext } from './mdx';

const cache = new Map<string, ReturnType<typeof getMDXComponent>>();

/** Renders build-compiled MDX on the server; no MDX code is ever evaluated in the browser. */
export function MdxContent({ code, context }: { code: string; context: MdxContext }) {
  let Component = cache.get(code);
  if (!Component) {
    Component = getMDXComponent(code);
    cache.set(code, Component);
  }
  return <Component components={getMdxComponents(context)} />;
}
