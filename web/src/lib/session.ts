/** The signed-in person and the year the app shows, for any component. */
import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { currentSession, onSessionChange, type Session } from './auth';

export function useSession(): Session | null {
  const [session, setSession] = useState(currentSession);
  useEffect(() => onSessionChange(setSession), []);
  return session;
}

export interface AppContextValue {
  session: Session | null;
  /** The year to show where no address names one. */
  year: number;
  /** Whether that year has a cycle (false when none is opened yet: pages then ask for nothing of it). */
  yearExists?: boolean;
}

export const AppContext = createContext<AppContextValue>({ session: null, year: new Date().getFullYear() });
export const useApp = () => useContext(AppContext);

/** The planning round for year N starts in the autumn of N-1: from October on, next year's cycle comes first. */
export function guessYear(now = new Date()): number {
  return now.getMonth() >= 9 ? now.getFullYear() + 1 : now.getFullYear();
}
