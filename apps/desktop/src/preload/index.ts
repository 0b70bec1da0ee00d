import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  accountIpc,
  apiIpc,
  authIpc,
  chatIpc,
  connectionStateSchema,
  eventChannels,
  filesIpc,
  openConversationSchema,
  uploadProgressSchema,
  serverIpc,
  serverListSchema,
  serversIpc,
  uiIpc,
  type BridgeArgs,
  type BridgeDomain,
  type BridgeMethod,
  type BridgeResult,
  type IpcCall,
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

/**
 * Calls one IPC contract. Its answer is typed by the bridge method the contract carries: the main
 * process's handler for that channel is type-checked to answer exactly that.
 */
function invoke<D extends BridgeDomain, M extends BridgeMethod<D>, A extends z.ZodType<readonly unknown[]>>(
  call: IpcCall<D, M, A>,
  ...args: BridgeArgs<D, M>
): Promise<BridgeResult<D, M>> {
  return ipcRenderer.invoke(call.channel, ...args) as Promise<BridgeResult<D, M>>;
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
    current: () => invoke(serverIpc.current),
    join: (url) => invoke(serverIpc.join, url),
    host: () => invoke(serverIpc.host),
    setSharing: (share) => invoke(serverIpc.setSharing, share),
    outbox: () => invoke(serverIpc.outbox),
    forget: () => invoke(serverIpc.forget),
  },
  servers: {
    list: () => invoke(serversIpc.list),
    add: (url) => invoke(serversIpc.add, url),
    switchTo: (serverId, open) => invoke(serversIpc.switchTo, serverId, open),
    remove: (serverId) => invoke(serversIpc.remove, serverId),
    opening: () => invoke(serversIpc.opening),
  },
  auth: {
    register: (request) => invoke(authIpc.register, request),
    login: (request) => invoke(authIpc.login, request),
    logout: () => invoke(authIpc.logout),
    session: () => invoke(authIpc.session),
    keepsSignIn: () => invoke(authIpc.keepsSignIn),
    requestPasswordReset: (email) => invoke(authIpc.requestPasswordReset, email),
  },
  account: {
    changePassword: (request) => invoke(accountIpc.changePassword, request),
    sessions: () => invoke(accountIpc.sessions),
    endSession: (sessionId) => invoke(accountIpc.endSession, sessionId),
    endOtherSessions: () => invoke(accountIpc.endOtherSessions),
    updateMe: (request) => invoke(accountIpc.updateMe, request),
  },
  api: {
    users: () => invoke(apiIpc.users),
    notifications: () => invoke(apiIpc.notifications),
    markRead: (request) => invoke(apiIpc.markRead, request),
    botHistory: (page) => invoke(apiIpc.botHistory, page),
    chatRooms: () => invoke(apiIpc.chatRooms),
    chatRoom: (roomId, page) => invoke(apiIpc.chatRoom, roomId, page),
    chatGroups: () => invoke(apiIpc.chatGroups),
    chatGroup: (groupId, page) => invoke(apiIpc.chatGroup, groupId, page),
    createGroup: (request) => invoke(apiIpc.createGroup, request),
    renameGroup: (groupId, name) => invoke(apiIpc.renameGroup, groupId, name),
    search: (query) => invoke(apiIpc.search, query),
  },
  chat: {
    send: (payload) => invoke(chatIpc.send, payload),
    leaveGroup: (groupId) => invoke(chatIpc.leaveGroup, groupId),
    changeMessage: (request) => invoke(chatIpc.changeMessage, request),
    typing: (payload) => invoke(chatIpc.typing, payload),
  },
  files: {
    upload: (request) => invoke(filesIpc.upload, request),
    cancelUpload: (uploadId) => invoke(filesIpc.cancelUpload, uploadId),
    discard: (fileId) => invoke(filesIpc.discard, fileId),
    links: (fileIds) => invoke(filesIpc.links, fileIds),
    download: (request) => invoke(filesIpc.download, request),
  },
  events: {
    onUploadProgress: (listener) => subscribe(eventChannels.uploadProgress, schemaParser(uploadProgressSchema), listener),
    onServerEvent: (listener) => subscribe(eventChannels.serverEvent, relayedServerEvent, listener),
    onConnectionState: (listener) => subscribe(eventChannels.connectionState, schemaParser(connectionStateSchema), listener),
    onResync: (listener) => subscribe(eventChannels.resync, () => true, () => listener()),
    onOpenConversation: (listener) => subscribe(eventChannels.openConversation, schemaParser(openConversationSchema), listener),
    onServersChanged: (listener) => subscribe(eventChannels.serversChanged, schemaParser(serverListSchema), listener),
  },
  ui: {
    setActiveConversation: (conversation) => ipcRenderer.send(uiIpc.setActiveConversation.channel, conversation),
    openExternal: (url) => invoke(uiIpc.openExternal, url),
  },
} satisfies ParleyBridge;

contextBridge.exposeInMainWorld('parley', bridge);
