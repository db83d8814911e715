// Who is signed in, shared with every page: the header shows it, and pages use the role and organisation
// to explain what a person may change.
import { createContext, useContext } from 'react';
import type { SessionAnswer as Session, UserSummary as SessionUser } from '../../src/core/users/user-shapes.ts';

export interface SessionState {
  session: Session | null;
  setSession: (session: Session | null) => void;
}

export const SessionContext = createContext<SessionState>({ session: null, setSession: () => {} });

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** Editors and admins change what belongs to their organisation; viewers read. */
export function canEdit(user: SessionUser | undefined): boolean {
  return user?.role === 'editor' || user?.role === 'admin';
}
