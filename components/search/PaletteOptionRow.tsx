import { glossaryGroupLabel } from '@/lib/search';
import { Highlighted } from './Highlighted';
import { openInPlace } from './goToResult';
import type { PaletteOption } from './paletteOptions';

interface Props {
  id: string;
  option: PaletteOption;
  selected: boolean;
  onChoose: (option: PaletteOption) => void;
  onHover: () => void;
}

/** A row of the palette's listbox: a link (so it opens in a new tab too) playing the option role. */
export function PaletteOptionRow({ id, option, selected, onChoose, onHover }: Props) {
  return (
    <a
      id={id}
      role="option"
      aria-selected={selected}
      href={option.url}
      tabIndex={-1}
      className="search-option"
      onClick={openInPlace(option.url, () => onChoose(option))}
      onMouseMove={selected ? undefined : onHover}
    >
      <OptionContent option={option} />
    </a>
  );
}

// The option's accessible name is all of its text, title then snippet, as a reader sees it.
function OptionContent({ option }: { option: PaletteOption }) {
  if (option.kind === 'all-results') return <span className="search-option-title">See all results for “{option.text}”</span>;
  if (option.kind === 'suggestion') {
    const { record } = option;
    return (
      <>
        <span className="search-option-title">{record.title}</span>
        <span className="search-option-snippet">
          {record.kind === 'glossary' ? glossaryGroupLabel : 'Chapter'}: {record.text}
        </span>
      </>
    );
  }
  const { hit } = option;
  return (
    <>
      <span className="search-option-title">
        <Highlighted {...(hit.section ?? hit.title)} />
      </span>
      <span className="search-option-snippet">
        <Highlighted {...hit.snippet} />
      </span>
    </>
  );
}
