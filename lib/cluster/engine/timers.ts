// Delays in the statecharts, on the engine's one timer model. A state that waits says so with
// `startTimer('boot time')` on entry and `cancelTimer('boot time')` on exit, and reacts to the
// `'boot time elapsed'` event; how long each named delay lasts stays in the machine's `delays`.
//
// Why not xstate's `after`: its pending timers live inside the actor system, where a snapshot
// can only reach them through private fields. Here every pending timer is a plain-data task on
// the VirtualClock, so a snapshot saves them and a restore re-arms them at their due times.

/** The event a named delay delivers to its actor when it elapses. */
export type Elapsed<Delay extends string> = { type: `${Delay} elapsed` };

export function elapsed<const Delay extends string>(delay: Delay): `${Delay} elapsed` {
  return `${delay} elapsed`;
}

export function startTimer<const Delay extends string>(delay: Delay) {
  return { type: 'start timer', params: { delay } } as const;
}

export function cancelTimer<const Delay extends string>(delay: Delay) {
  return { type: 'cancel timer', params: { delay } } as const;
}

/** The default implementations of the two actions (the engine provides the real ones). */
export function timerActions<Delay extends string>() {
  return {
    'start timer': (_: unknown, _params: { delay: Delay }) => {},
    'cancel timer': (_: unknown, _params: { delay: Delay }) => {},
  };
}
