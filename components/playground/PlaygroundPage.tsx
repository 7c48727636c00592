import type { PlaygroundLab } from '@/lib/labs';
import { Breadcrumbs } from '../layout/Breadcrumbs';
import { Playground } from './Playground';

/** The playground's page: full width, no sidebar, the lab is the page. */
export function PlaygroundPage({ labs }: { labs: PlaygroundLab[] }) {
  return (
    <main id="main" className="playground-page" tabIndex={-1}>
      <header className="playground-intro">
        <Breadcrumbs items={[{ label: 'Home', href: '/' }, { label: 'Playground' }]} />
        <h1>Playground</h1>
        <p className="chapter-lede">
          A cluster with no goal. Pick its shape, or start from the set-up of any chapter lab, then try whatever you like in the terminal
          and on the diagram. Your session is kept in this browser; Share makes a link that replays it, and Export script saves it as a file
          for <code>npx clusterbook cluster --script</code>.
        </p>
      </header>
      <Playground labs={labs} />
    </main>
  );
}
