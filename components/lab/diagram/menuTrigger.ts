import type { KeyboardEvent, MouseEvent } from 'react';

/**
 * Props that make a drawn shape the button of a menu (the WAI-ARIA menu-button pattern): it says
 * it opens a menu and whether it is open; Enter, Space and ArrowDown open it, as a click does.
 */
export function menuTrigger(
  trigger: string,
  menuId: string | undefined,
  label: string,
  onOpen: (trigger: string, element: Element) => void,
) {
  return {
    role: 'button',
    tabIndex: 0,
    'aria-label': label,
    'aria-haspopup': 'menu' as const,
    'aria-expanded': menuId !== undefined,
    'aria-controls': menuId,
    'data-menu-trigger': trigger,
    // The node box under it powers the node off on a click: this click is the menu's alone.
    onClick: (event: MouseEvent<Element>) => {
      event.stopPropagation();
      onOpen(trigger, event.currentTarget);
    },
    onKeyDown: (event: KeyboardEvent<Element>) => {
      if (event.key === 'Enter' || event.key === ' ' || event.key === 'ArrowDown') {
        event.preventDefault();
        event.stopPropagation();
        onOpen(trigger, event.currentTarget);
      }
    },
  };
}
