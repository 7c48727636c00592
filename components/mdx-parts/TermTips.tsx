'use client';

import { useEffect } from 'react';

/** Room kept between a tooltip and the edges of the viewport, in CSS px. */
const edge = 8;

/** Opens below unless it would run off the bottom of the viewport; shifts sideways to stay on screen. */
function place(term: Element) {
  const tip = term.querySelector<HTMLElement>('.term-tip');
  if (!tip || getComputedStyle(tip).position === 'fixed') return;
  term.classList.remove('term-above');
  tip.style.removeProperty('--term-tip-shift');
  const rect = tip.getBoundingClientRect();
  if (rect.height === 0) return;
  const linkTop = term.getBoundingClientRect().top;
  if (rect.bottom > window.innerHeight - edge && linkTop - rect.height - edge > 0) term.classList.add('term-above');
  const width = document.documentElement.clientWidth;
  const shift = rect.left < edge ? edge - rect.left : rect.right > width - edge ? width - edge - rect.right : 0;
  if (shift !== 0) tip.style.setProperty('--term-tip-shift', `${shift}px`);
}

/** On a touch screen the tooltip carries its own way to the glossary, since the tap did not go there. */
function addEntryLink(term: Element) {
  const tip = term.querySelector('.term-tip');
  const href = term.querySelector<HTMLAnchorElement>('.term-link')?.getAttribute('href');
  if (!tip || !href || tip.querySelector('.term-tip-more')) return;
  const more = document.createElement('a');
  more.className = 'term-tip-more';
  more.href = href;
  more.textContent = 'Open the glossary entry';
  tip.append(more);
}

/**
 * Glossary tooltips' behaviour: placement on hover and focus, Escape hides an open one without
 * moving focus (WCAG 1.4.13), and on touch screens a tap on a term shows its definition instead
 * of leaving the chapter; a second tap, or the link in the tooltip, goes to the entry.
 */
export function TermTips() {
  useEffect(() => {
    let lastPointer = '';
    const closeOpen = (except?: Element | null) =>
      document.querySelectorAll('.term.term-open').forEach((t) => {
        if (t !== except) t.classList.remove('term-open');
      });
    const onPointerDown = (e: PointerEvent) => {
      lastPointer = e.pointerType;
      const term = (e.target as Element | null)?.closest?.('.term');
      if (!term) closeOpen();
    };
    const onClick = (e: MouseEvent) => {
      const link = (e.target as Element | null)?.closest?.('.term-link');
      const term = link?.closest('.term');
      if (!term || lastPointer !== 'touch' || term.classList.contains('term-open')) return;
      e.preventDefault();
      closeOpen(term);
      term.classList.remove('term-dismissed');
      term.classList.add('term-open');
      addEntryLink(term);
      place(term);
    };
    const onEnter = (e: Event) => {
      const term = (e.target as Element | null)?.closest?.('.term');
      if (term) place(term);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      document.querySelectorAll('.term:hover, .term:focus-within, .term.term-open').forEach((t) => {
        t.classList.add('term-dismissed');
        t.classList.remove('term-open');
      });
    };
    const reset = (e: Event) => {
      const term = (e.target as Element | null)?.closest?.('.term');
      term?.classList.remove('term-dismissed');
    };
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('mouseover', onEnter);
    document.addEventListener('focusin', onEnter);
    document.addEventListener('keydown', onKey);
    document.addEventListener('focusout', reset);
    document.addEventListener('mouseout', reset);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('mouseover', onEnter);
      document.removeEventListener('focusin', onEnter);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('focusout', reset);
      document.removeEventListener('mouseout', reset);
    };
  }, []);
  return null;
}
