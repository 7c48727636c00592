'use client';

import { useEffect, useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import type { DiagramAction } from '@/lib/labs';

export interface MenuAnchor {
  /** The trigger's id in the drawing ("pod:default/web-1"), where focus goes back when the menu closes. */
  trigger: string;
  /** Where to draw it, in the diagram box's pixels (below the trigger). */
  x: number;
  y: number;
}

interface Props {
  id: string;
  anchor: MenuAnchor;
  /** The menu's name: "Actions for web-8pttb". */
  label: string;
  /** A line above the items about what is chosen (status, age); read as the menu's description. */
  about: string;
  actions: readonly DiagramAction[];
  /** Width of the diagram box, so the menu stays inside it. */
  boxWidth: number;
  onChoose: (command: string) => void;
  onClose: () => void;
}

const triggerSelector = (trigger: string) => `[data-menu-trigger="${CSS.escape(trigger)}"]`;

/**
 * A menu in the WAI-ARIA menu-button pattern: opened from a button in the drawing, focus on its
 * first item, arrows and Home/End move, Enter chooses, Escape or Tab closes and focus goes back.
 */
export function DiagramMenu({ id, anchor, label, about, actions, boxWidth, onChoose, onClose }: Props) {
  const menu = useRef<HTMLDivElement>(null);
  const box = useRef<HTMLDivElement>(null);
  const aboutId = `${id}-about`;

  useLayoutEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, []);

  // A press outside closes it (the trigger's own click toggles it, so it is left alone).
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Element | null;
      if (!target || box.current?.contains(target) || target.closest(triggerSelector(anchor.trigger))) return;
      onClose();
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [anchor.trigger, onClose]);

  const close = (refocus: boolean) => {
    onClose();
    if (refocus) document.querySelector<SVGElement>(triggerSelector(anchor.trigger))?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    if (event.key === 'ArrowDown') move(at + 1);
    else if (event.key === 'ArrowUp') move(at - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape') {
      event.preventDefault();
      close(true);
    } else if (event.key === 'Tab') close(false);
  };

  const width = Math.min(300, boxWidth);
  const left = Math.max(0, Math.min(anchor.x, boxWidth - width));
  return (
    <div className="lab-menu" ref={box} style={{ left, top: anchor.y, width }}>
      <p className="lab-menu-about" id={aboutId}>
        {about}
      </p>
      <div id={id} role="menu" aria-label={label} aria-describedby={aboutId} ref={menu} onKeyDown={onKeyDown}>
        {actions.map((action) => (
          <button
            key={action.command}
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => {
              onChoose(action.command);
              close(true);
            }}
          >
            <span className="lab-menu-label">{action.label}</span>
            <code className="lab-menu-command">{action.command}</code>
          </button>
        ))}
      </div>
    </div>
  );
}
