import { searchConfig } from '@/lib/search';

const targetClass = 'search-target';
const giveUpAfterMs = 5000;

/**
 * Waits until the page at `pathname` shows the element `id` (client-side navigation renders it a
 * moment later), then scrolls it into view, moves focus to it and highlights it briefly.
 */
function revealWhenShown(pathname: string, id: string) {
  const deadline = performance.now() + giveUpAfterMs;
  const tick = () => {
    const target = location.pathname === pathname ? document.getElementById(id) : null;
    if (!target) {
      if (performance.now() < deadline) requestAnimationFrame(tick);
      return;
    }
    target.scrollIntoView({ block: 'start' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
    target.classList.remove(targetClass);
    // Restart the animation when the same heading is chosen twice in a row.
    void target.offsetWidth;
    target.classList.add(targetClass);
    setTimeout(() => target.classList.remove(targetClass), searchConfig.highlightMs);
  };
  requestAnimationFrame(tick);
}

/** Goes to a result: navigates with `navigate` (the Next router's push), then reveals the heading it points at. */
export function goToResult(url: string, navigate: (href: string) => void) {
  const target = new URL(url, location.href);
  navigate(target.pathname + target.search + target.hash);
  if (target.hash.length > 1) revealWhenShown(target.pathname, decodeURIComponent(target.hash.slice(1)));
}

type ClickLike = { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean; preventDefault(): void };

/** True when a click should be left to the browser: a new tab or window, a download. */
const isModifiedClick = (event: ClickLike) => event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey;

/** A link's click handler that opens `url` with `open` in this tab, and leaves other clicks to the browser. */
export const openInPlace = (url: string, open: (url: string) => void) => (event: ClickLike) => {
  if (isModifiedClick(event)) return;
  event.preventDefault();
  open(url);
};
