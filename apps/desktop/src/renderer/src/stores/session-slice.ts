import type { SelfUser } from '@parley/shared';
import type { ServerChoice } from '@parley/shared/ipc';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export type SessionPhase = 'booting' | 'first-run' | 'signed-out' | 'signed-in';

export interface SessionSlice {
  phase: SessionPhase;
  self: SelfUser | null;
  server: ServerChoice | null;
  /** False when a sign-in lasts for this run only (no system keyring): the page says so. */
  keepsSignIn: boolean;
  setKeepsSignIn: (keeps: boolean) => void;
  setServer: (server: ServerChoice | null) => void;
  signedIn: (self: SelfUser) => void;
  signedOut: () => void;
  /** The signed-in user's new names (`PUT /me` here, or `user_updated` from another device). */
  renameSelf: (names: Pick<SelfUser, 'first_name' | 'last_name'>) => void;
  setPhase: (phase: SessionPhase) => void;
}

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  phase: 'booting',
  self: null,
  server: null,
  keepsSignIn: true,
  setKeepsSignIn: (keepsSignIn) => set({ keepsSignIn }),
  setServer: (server) => set({ server }),
  signedIn: (self) => set({ self, phase: 'signed-in' }),
  signedOut: () => set({ self: null, phase: 'signed-out' }),
  renameSelf: ({ first_name, last_name }) => set((s) => (s.self ? { self: { ...s.self, first_name, last_name } } : s)),
  setPhase: (phase) => set({ phase }),
});
