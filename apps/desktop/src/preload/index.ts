import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  apiIpc,
  authIpc,
  chatIpc,
  connectionStateSchema,
  eventChannels,
  openConversationSchema,
  serverIpc,
  uiIpc,
  type ParleyBridge,
  type Unsubscribe,
} from '@parley/shared/ipc';
import { parseServerEvent } from '@parley/shared';
import type { z } from 'zod';

/**
 * The one object the page gets: `window.parley`, named functions only. There is no generic
 * invoke and no raw ipcRenderer, so a compromised page can do exactly what the bridge offers
 * and the main process still checks every argument. Events from main are checked here again.
 */

// The promise types come from the bridge: main answers every channel with the bridge's Result.
function invoke(channel: string, ...args: unknown[]): Promise<never> {
  return ipcRenderer.invoke(channel, ...args) as Promise<never>;
}

/** Listens on a main → renderer channel; `parse` answers null for what must not reach the page. */
function subscribe<T>(channel: string, parse: (payload: unknown) => T | null, listener: (value: T) => void): Unsubscribe {
  const handler = (_event: IpcRendererEvent, payload: unknown) => {
    const parsed = parse(payload);
    if (parsed !== null) listener(parsed);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

function schemaParser<S extends z.ZodType>(schema: S): (payload: unknown) => z.output<S> | null {
  return (payload) => {
    const parsed = schema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  };
}

/** A server event main relayed as `{ event, payload }`, parsed again with the shared event map. */
function relayedServerEvent(relayed: unknown) {
  if (typeof relayed !== 'object' || relayed === null || !('event' in relayed) || typeof relayed.event !== 'string') return null;
  return parseServerEvent(relayed.event, 'payload' in relayed ? relayed.payload : undefined);
}

const bridge = {
  platform: 'desktop',
  server: {
    current: () => invoke(serverIpc.current.channel),
    join: (url) => invoke(serverIpc.join.channel, url),
    host: () => invoke(serverIpc.host.channel),
    setSharing: (share) => invoke(serverIpc.setSharing.channel, share),
    outbox: () => invoke(serverIpc.outbox.channel),
    forget: () => invoke(serverIpc.forget.channel),
  },
  auth: {
    register: (request) => invoke(authIpc.register.channel, request),
    login: (request) => invoke(authIpc.login.channel, request),
    logout: () => invoke(authIpc.logout.channel),
    session: () => invoke(authIpc.session.channel),
    keepsSignIn: () => invoke(authIpc.keepsSignIn.channel),
  },
  api: {
    users: () => invoke(apiIpc.users.channel),
    notifications: () => invoke(apiIpc.notifications.channel),
    markRead: (request) => invoke(apiIpc.markRead.channel, request),
    botHistory: (page) => invoke(apiIpc.botHistory.channel, page),
    chatRooms: () => invoke(apiIpc.chatRooms.channel),
    chatRoom: (roomId, page) => invoke(apiIpc.chatRoom.channel, roomId, page),
    chatGroups: () => invoke(apiIpc.chatGroups.channel),
    chatGroup: (groupId, page) => invoke(apiIpc.chatGroup.channel, groupId, page),
    createGroup: (request) => invoke(apiIpc.createGroup.channel, request),
    renameGroup: (groupId, name) => invoke(apiIpc.renameGroup.channel, groupId, name),
  },
  chat: {
    send: (payload) => invoke(chatIpc.send.channel, payload),
    leaveGroup: (groupId) => invoke(chatIpc.leaveGroup.channel, groupId),
  },
  events: {
    onServerEvent: (listener) => subscribe(eventChannels.serverEvent, relayedServerEvent, listener),
    onConnectionState: (listener) => subscribe(eventChannels.connectionState, schemaParser(connectionStateSchema), listener),
    onResync: (listener) => subscribe(eventChannels.resync, () => true, () => listener()),
    onOpenConversation: (listener) => subscribe(eventChannels.openConversation, schemaParser(openConversationSchema), listener),
  },
  ui: {
    setActiveConversation: (conversation) => ipcRenderer.send(uiIpc.setActiveConversation.channel, conversation),
    openExternal: (url) => invoke(uiIpc.openExternal.channel, url),
  },
} satisfies ParleyBridge;

contextBridge.exposeInMainWorld('parley', bridge);
