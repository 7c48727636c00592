// The etcd cluster: members fail and recover; with fewer than floor(n/2)+1 healthy members it
// loses quorum and accepts no writes (#27).
import { assign, setup } from 'xstate';

export type MemberHealth = 'healthy' | 'failed';

export interface EtcdContext {
  members: Record<string, MemberHealth>;
}

export type EtcdEvent = { type: 'MEMBER_FAIL'; member: string } | { type: 'MEMBER_RECOVER'; member: string };

export function quorumSize(memberCount: number): number {
  return Math.floor(memberCount / 2) + 1;
}

export function hasQuorum(members: Record<string, MemberHealth>): boolean {
  const all = Object.values(members);
  return all.filter((health) => health === 'healthy').length >= quorumSize(all.length);
}

const withMember = (members: Record<string, MemberHealth>, member: string, health: MemberHealth) => ({ ...members, [member]: health });

export const etcdMachine = setup({
  types: {
    context: {} as EtcdContext,
    events: {} as EtcdEvent,
    input: {} as { memberCount: number },
  },
  guards: {
    'quorum lost after this failure': ({ context, event }) => !hasQuorum(withMember(context.members, event.member, 'failed')),
    'quorum regained after this recovery': ({ context, event }) => hasQuorum(withMember(context.members, event.member, 'healthy')),
  },
  actions: {
    'mark member failed': assign({ members: ({ context, event }) => withMember(context.members, event.member, 'failed') }),
    'mark member healthy': assign({ members: ({ context, event }) => withMember(context.members, event.member, 'healthy') }),
    // Provided by the cluster: tell the API server's clients.
    'announce quorum lost': () => {},
    'announce quorum regained': () => {},
  },
}).createMachine({
  id: 'etcd',
  context: ({ input }) => ({
    members: Object.fromEntries(Array.from({ length: input.memberCount }, (_, i) => [`etcd-${i + 1}`, 'healthy' as MemberHealth])),
  }),
  initial: 'quorate',
  states: {
    quorate: {
      on: {
        MEMBER_FAIL: [
          { guard: 'quorum lost after this failure', target: 'noQuorum', actions: ['mark member failed', 'announce quorum lost'] },
          { actions: 'mark member failed' },
        ],
        MEMBER_RECOVER: { actions: 'mark member healthy' },
      },
    },
    noQuorum: {
      on: {
        MEMBER_RECOVER: [
          { guard: 'quorum regained after this recovery', target: 'quorate', actions: ['mark member healthy', 'announce quorum regained'] },
          { actions: 'mark member healthy' },
        ],
        MEMBER_FAIL: { actions: 'mark member failed' },
      },
    },
  },
});
