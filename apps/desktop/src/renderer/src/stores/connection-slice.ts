import type { ConnectionState } from '@parley/shared/ipc';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export interface ConnectionSlice {
  connection: ConnectionState;
  setConnection: (connection: ConnectionState) => void;
}

export const createConnectionSlice: StateCreator<AppState, [], [], ConnectionSlice> = (set) => ({
  connection: { status: 'signed_out' },
  setConnection: (connection) => set({ connection }),
});
