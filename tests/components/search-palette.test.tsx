import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import SearchPalette from '@/components/search/SearchPalette';
import { SearchButton } from '@/components/search/SearchButton';
import { suggestionLabels } from '@/components/search/searchView';
import { createSearchEngine, errorMessages, searchConfig, SearchIndexError, type SearchEngine } from '@/lib/search';
import { sampleIndexFile, sampleRecords } from '../search/fixtures/records';

// jsdom does not lay out, so it has no scrollIntoView; the palette keeps the active option in view with it.
Element.prototype.scrollIntoView ??= () => {};

const push = vi.hoisted(() => vi.fn());
vi.mock('next/navigation', () => ({ useRouter: () => ({ push }), usePathname: () => '/' }));

const engine = createSearchEngine(sampleRecords);
const ready = () => Promise.resolve(engine);

function renderPalette(loadEngine: () => Promise<SearchEngine> = ready) {
  const onClose = vi.fn();
  render(<SearchPalette open onClose={onClose} loadEngine={loadEngine} />);
  return { onClose, user: userEvent.setup(), combobox: screen.getByRole('combobox', { name: 'Search the notes' }) };
}

const selected = () => screen.getAllByRole('option').find((o) => o.getAttribute('aria-selected') === 'true');

beforeEach(() => push.mockClear());

describe('the search palette, by keyboard', () => {
  it('opens with focus in the combobox, which controls the listbox', async () => {
    const { combobox } = renderPalette();
    expect(combobox).toHaveFocus();
    expect(screen.getByRole('listbox', { name: 'Results' })).toHaveAttribute('id', combobox.getAttribute('aria-controls'));
  });

  it('suggests glossary terms before anything is typed', async () => {
    renderPalette();
    const group = await screen.findByRole('group', { name: 'Start with a glossary term' });
    expect(within(group).getAllByRole('option').length).toBeGreaterThan(0);
  });

  it('shows results for a typo, says what it searched for, and marks the matched words', async () => {
    const { user, combobox } = renderPalette();
    await user.type(combobox, 'kublet');
    expect(await screen.findByText(/Showing results for “kubelet”/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Worker nodes' })).toBeInTheDocument();
    const option = screen.getByRole('option', { name: /^The kubelet\s*The kubelet is the agent/ });
    expect(within(option).getAllByText('kubelet', { selector: 'mark' }).length).toBeGreaterThan(0);
  });

  it('moves the active option with the arrow keys, wrapping at both ends, through aria-activedescendant', async () => {
    const { user, combobox } = renderPalette();
    await user.type(combobox, 'kubelet');
    const options = await screen.findAllByRole('option');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[0].id);
    await user.keyboard('{ArrowDown}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options[1].id);
    expect(selected()).toBe(options[1]);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(combobox).toHaveAttribute('aria-activedescendant', options.at(-1)!.id);
    expect(combobox).toHaveFocus();
  });

  it('goes to the active result with Enter and closes without returning focus', async () => {
    const { user, combobox, onClose } = renderPalette();
    await user.type(combobox, 'kubelet');
    await screen.findAllByRole('option');
    const url = selected()!.getAttribute('href');
    await user.keyboard('{Enter}');
    expect(push).toHaveBeenCalledWith(url);
    expect(onClose).toHaveBeenCalledWith(false);
  });

  it('offers every result on the search page as the last option', async () => {
    const { user, combobox } = renderPalette();
    await user.type(combobox, 'etcd quorum');
    const all = await screen.findByRole('option', { name: 'See all results for “etcd quorum”' });
    expect(all).toHaveAttribute('href', '/search?q=etcd%20quorum');
  });

  it('closes with Escape, asking for focus back', async () => {
    const { user, onClose } = renderPalette();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledWith(true);
  });

  it('says when nothing matches and suggests glossary terms instead', async () => {
    const { user, combobox } = renderPalette();
    await user.type(combobox, 'etcdctl');
    expect(await screen.findByRole('status')).toHaveTextContent('No results for “etcdctl”.');
    expect(screen.getByRole('group', { name: 'Glossary terms you might mean' })).toBeInTheDocument();
    expect(screen.getByRole('option', { name: /^etcd\s*Glossary: / })).toBeInTheDocument();
    const chapters = screen.getByRole('group', { name: suggestionLabels.chapters });
    expect(within(chapters).getAllByRole('option').length).toBeGreaterThan(0);
  });

  it('searches the words as typed when the reader chooses "search instead for"', async () => {
    const { user, combobox } = renderPalette();
    await user.type(combobox, 'kublet');
    await user.click(await screen.findByRole('button', { name: '“kublet”' }));
    expect(await screen.findByRole('status')).toHaveTextContent('No results for “kublet”.');
    expect(screen.queryByText(/Showing results for/)).toBeNull();
    expect(combobox).toHaveFocus();
    // Typing again corrects again.
    await user.type(combobox, ' ');
    expect(await screen.findByText(/Showing results for “kubelet”/)).toBeInTheDocument();
  });

  it('shows a clear message when the index cannot be loaded, and tries again on request', async () => {
    const message = errorMessages.indexUnavailable('HTTP 404');
    const load = vi.fn(() => Promise.reject(new SearchIndexError(message)));
    const { user } = renderPalette(load);
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });
});

describe('the header search button', () => {
  beforeEach(() => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify(sampleIndexFile))),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('opens the palette on Ctrl+K and on "/", loading the index only then', async () => {
    const user = userEvent.setup();
    render(<SearchButton />);
    expect(fetch).not.toHaveBeenCalled();
    await user.keyboard('{Control>}k{/Control}');
    expect(await screen.findByRole('combobox')).toHaveFocus();
    // Once each: the notes' index, the glossary's and the quiz questions' (see searchConfig).
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    expect(vi.mocked(fetch).mock.calls.map(([url]) => url)).toEqual([
      searchConfig.indexUrl,
      searchConfig.glossaryIndexUrl,
      searchConfig.quizIndexUrl,
    ]);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('combobox')).toBeNull();
    await user.keyboard('/');
    expect(await screen.findByRole('combobox')).toHaveFocus();
  });

  it('does not take "/" typed into a field', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="Other field" />
        <SearchButton />
      </>,
    );
    await user.click(screen.getByRole('textbox', { name: 'Other field' }));
    await user.keyboard('/');
    expect(screen.getByRole('textbox', { name: 'Other field' })).toHaveValue('/');
    expect(screen.queryByRole('combobox')).toBeNull();
  });

  it('returns focus to the button when the palette closes', async () => {
    const user = userEvent.setup();
    render(<SearchButton />);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    await screen.findByRole('combobox');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Search' })).toHaveFocus());
    await act(async () => {});
  });
});
