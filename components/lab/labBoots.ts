// Which labs may start their clusters now. A chapter can hold six labs, and the ones near the
// reader all finish loading together: booting them at once made the lab on screen share two
// cores with labs below it. A lab on screen starts as soon as no other on-screen lab is booting;
// one off screen waits until nothing is booting and the page is idle. A boot ends when its
// session posts a first view.
import { type RefObject, useEffect, useRef, useState } from 'react';

interface Boot {
  visible: boolean;
  started: boolean;
  grant: () => void;
}

const waiting: Boot[] = [];
const booting = new Set<Boot>();

/** An off-screen boot is waiting for the page to go idle (the lab on screen renders first). */
let idleAsked = false;

const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 3000 }) : setTimeout(run, 200);

function start(boot: Boot): void {
  waiting.splice(waiting.indexOf(boot), 1);
  boot.started = true;
  booting.add(boot);
  boot.grant();
}

function pump(idle = false): void {
  for (;;) {
    const visibleBooting = [...booting].some((boot) => boot.visible);
    const onScreen = visibleBooting ? undefined : waiting.find((boot) => boot.visible);
    if (onScreen) {
      start(onScreen);
      continue;
    }
    if (booting.size > 0 || waiting.length === 0) return;
    if (!idle) {
      if (!idleAsked) {
        idleAsked = true;
        whenIdle(() => {
          idleAsked = false;
          pump(true);
        });
      }
      return;
    }
    start(waiting[0]);
    idle = false;
  }
}

export interface BootTicket {
  /** The lab came into view or left it (an on-screen lab goes first). */
  setVisible(visible: boolean): void;
  /** The session is up (or failed): the next lab may boot. */
  done(): void;
}

export function requestBoot(visible: boolean, grant: () => void): BootTicket {
  const boot: Boot = { visible, started: false, grant };
  waiting.push(boot);
  pump();
  return {
    setVisible(now) {
      boot.visible = now;
      pump();
    },
    done() {
      const index = waiting.indexOf(boot);
      if (index >= 0) waiting.splice(index, 1);
      booting.delete(boot);
      pump();
    },
  };
}

/**
 * Whether this lab may start its cluster yet. `card` is the element on screen while it waits;
 * `eager` (the reader pressed Start lab, or followed a link to it) counts as on screen. Without
 * an IntersectionObserver (jsdom) every lab may start at once.
 */
export function useBootTurn(card: RefObject<HTMLElement | null>, eager: boolean): { allowed: boolean; done: () => void } {
  const [allowed, setAllowed] = useState(false);
  const ticket = useRef<BootTicket | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: one request per mounted lab
  useEffect(() => {
    const element = card.current;
    if (!element || typeof IntersectionObserver === 'undefined') {
      setAllowed(true);
      return;
    }
    let live = true;
    // The request waits for the first report of where the card is, so it is made knowing that.
    const observer = new IntersectionObserver((entries) => {
      const visible = eager || entries.some((entry) => entry.isIntersecting);
      if (ticket.current) ticket.current.setVisible(visible);
      else ticket.current = requestBoot(visible, () => live && setAllowed(true));
    });
    observer.observe(element);
    return () => {
      live = false;
      observer.disconnect();
      ticket.current?.done();
    };
  }, []);
  return { allowed, done: () => ticket.current?.done() };
}
