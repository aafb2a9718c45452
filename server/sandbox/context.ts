import type { SandboxClock } from './clock.ts';
import type { SandboxDatabase } from './db/database.ts';

export interface SandboxDeps {
  db: SandboxDatabase;
  clock: SandboxClock;
  /** The one application the sandbox knows (AppKey = consumer key, SecretKey = consumer secret). */
  appKey: string;
  secretKey: string;
  /** Brings the simulated world up to the clock (called after the clock is advanced). */
  simulate: () => void;
  /** Answer every route no public source documents as unknown (SANDBOX_DOCUMENTED_ONLY, decision 0130). */
  documentedOnly?: boolean;
  /** The dashboard's public URL, for absolute single sign-on links (single-sign-on.ts has the fallback). */
  dashboardUrl?: string;
}

/** The signed-in user of a request, as routes need it for scoping and permissions. */
export interface AuthUser {
  userId: number;
  accountId: number;
  userName: string;
  isMaster: boolean;
  canSeeAllBroadcasts: boolean;
  canSeeAllRoster: boolean;
  canSeeAllAudio: boolean;
  canSeeGroupAudio: boolean;
  /** IANA zone from the user's State: request dates are read in it, response dates written in it. */
  timeZone: string;
}

export type SandboxEnv = {
  Variables: {
    user: AuthUser;
    /** The AuthToken the request was signed with, e.g. to end it. */
    authToken: string;
  };
};
