import { eventChannels, type ConnectionState, type ConversationRef, type ServerEvent, type ServerSummary, type UploadProgress } from '@parley/shared/ipc';

/** Where main-to-renderer events go: the window's webContents, while there is one. */
export interface EventTarget {
  send(channel: string, payload?: unknown): void;
}

/** Main → renderer, on the few fixed channels the preload listens to. */
export function createEventRelay(target: () => EventTarget | null) {
  const send = (channel: string, payload?: unknown) => target()?.send(channel, payload);
  return {
    serverEvent: (event: ServerEvent) => send(eventChannels.serverEvent, event),
    connectionState: (state: ConnectionState) => send(eventChannels.connectionState, state),
    resync: () => send(eventChannels.resync),
    openConversation: (conversation: ConversationRef) => send(eventChannels.openConversation, conversation),
    uploadProgress: (progress: UploadProgress) => send(eventChannels.uploadProgress, progress),
    serversChanged: (servers: ServerSummary[]) => send(eventChannels.serversChanged, servers),
  };
}

export type EventRelay = ReturnType<typeof createEventRelay>;
