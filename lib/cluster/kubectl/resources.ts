// The resource types kubectl resolves its arguments to: the kind registry's entries.
import { kindInfo, resolveKind, type KindInfo } from '../api/kinds';
import type { Kind } from '../api/types';

export type ResourceType = KindInfo;

export const resolveResource = (name: string): ResourceType | undefined => resolveKind(name);

export const resourceByKind = (kind: Kind | 'Event'): ResourceType => kindInfo(kind);
