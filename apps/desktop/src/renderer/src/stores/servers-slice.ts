import type { ServerSummary } from '@parley/shared/ipc';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

/** The desktop app's servers as the main process counts them (the web client has none). */
export interface ServersSlice {
  servers: ServerSummary[];
  setServers: (servers: ServerSummary[]) => void;
}

export const createServersSlice: StateCreator<AppState, [], [], ServersSlice> = (set) => ({
  servers: [],
  setServers: (servers) => set({ servers }),
});

/** The switcher shows once there is a server besides the one in the window. */
export const showsServerRail = (state: Pick<AppState, 'servers'>): boolean => state.servers.some((server) => !server.active);
