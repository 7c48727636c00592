import type { HitGroup } from '@/lib/search';
import { Highlighted } from './Highlighted';
import { openInPlace } from './goToResult';

/** Full results, grouped by chapter, for the /search page. */
export function SearchResultsList({ groups, onOpen }: { groups: HitGroup[]; onOpen: (url: string) => void }) {
  return (
    <div className="search-results">
      {groups.map((group) => (
        <section key={group.label} className="search-results-group" aria-label={group.label}>
          <h2 className="search-results-chapter">{group.label}</h2>
          <ol className="search-results-list">
            {group.hits.map((hit) => (
              <li key={hit.record.url} className="search-result">
                <a href={hit.record.url} onClick={openInPlace(hit.record.url, onOpen)} className="search-result-link">
                  <Highlighted {...(hit.section ?? hit.title)} />
                </a>
                <p className="search-result-snippet">
                  <Highlighted {...hit.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
