import type { ErrorDetail } from '../errors.js';
import type { LoginRequest, RegisterRequest } from '../schemas/auth.js';
import type { ChangePasswordRequest, SessionsResponse, UpdateMeRequest } from '../schemas/account.js';
import type {
  ChatGroup,
  ChatGroupResponse,
  ChatGroupsResponse,
  CreateGroupRequest,
} from '../schemas/groups.js';
import type { BotHistoryResponse } from '../schemas/messages.js';
import type { MarkReadRequest, NotificationsResponse } from '../schemas/notifications.js';
import type { ChatRoomResponse, ChatRoomsResponse } from '../schemas/rooms.js';
import type { SearchQuery, SearchResponse } from '../schemas/search.js';
import type { SelfUser, UsersResponse } from '../schemas/users.js';
import type { MessageSend, SendAck, SimpleAck } from '../events/chat.js';
import type { ChangeAck, MessageChangeRequest, TypingSend } from '../events/message-changes.js';
import type { ServerEvent } from '../events/maps.js';
import type { ConversationRef } from '../conversation.js';
import type { HistoryPage } from './contract.js';
import type { Attachment, FileLink } from '../schemas/files.js';
import type { DownloadRequest, UploadProgress, UploadRequest } from './files.js';
import type { ServerSummary } from './servers.js';

export type { ServerEvent, ConversationRef };

/**
 * The one interface the renderer talks through. The desktop app implements it in the preload
 * (over IPC to the main process, which holds the token and the socket); the web client
 * implements it in the page (fetch + socket.io-client). Every method resolves to a `Result`;
 * none throws across the boundary.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorDetail };

export type ConnectionState =
  | { status: 'signed_out' }
  | { status: 'connecting' }
  | { status: 'connected' }
  | { status: 'reconnecting'; attempt: number; retryInMs: number };

/**
 * Where this client's server is: chosen by the user, or hosted on this computer. A hosted server
 * is for this computer only unless `shared`: then anyone on the network reaches it at `shareUrls`,
 * over plain HTTP.
 */
export type ServerChoice =
  | { mode: 'remote'; url: string }
  | { mode: 'host'; url: string; shared: boolean; shareUrls: string[] };

/** A registration mail the local host wrote to its outbox (no SMTP configured). */
export interface OutboxLink {
  to: string;
  link: string;
  sentAt: string;
}

export type Unsubscribe = () => void;

export interface ParleyBridge {
  /** 'desktop' in Electron, 'web' in a browser. */
  readonly platform: 'desktop' | 'web';

  server: {
    /** The remembered server, or null on first run (the web client is always on its origin). */
    current(): Promise<Result<ServerChoice | null>>;
    /** Checks `<url>/health` and remembers the server. */
    join(url: string): Promise<Result<ServerChoice>>;
    /** Starts the embedded server on this computer, for this computer only unless shared (desktop only). */
    host(): Promise<Result<ServerChoice>>;
    /** Lets others on the network join the hosted server, or not; remembered, restarts it (desktop only). */
    setSharing(share: boolean): Promise<Result<ServerChoice>>;
    /** Confirmation links the local host wrote instead of mailing them (desktop host only). */
    outbox(): Promise<Result<OutboxLink[]>>;
    forget(): Promise<Result<null>>;
  };

  /**
   * Every server the desktop app is signed in to. One is in the window; the others stay connected
   * in the main process, which counts and notifies their unread messages. The web client is on
   * one server, its own origin: its list is empty and it cannot add one.
   */
  servers: {
    list(): Promise<Result<ServerSummary[]>>;
    /** Checks `<url>/health`, keeps the server on screen signed in behind, and shows the new one. */
    add(url: string): Promise<Result<ServerSummary[]>>;
    /** Shows another server of the list (the window loads again), opening a conversation there if given. */
    switchTo(serverId: string, open: ConversationRef | null): Promise<Result<ServerSummary[]>>;
    /** Signs out of a server and takes it off the list. */
    remove(serverId: string): Promise<Result<ServerSummary[]>>;
    /** The conversation a switch was asked to open, once, for the window that loads after it. */
    opening(): Promise<Result<ConversationRef | null>>;
  };

  auth: {
    register(request: RegisterRequest): Promise<Result<{ status: 'confirmation_sent' }>>;
    login(request: LoginRequest): Promise<Result<SelfUser>>;
    logout(): Promise<Result<null>>;
    /** The signed-in user when a stored session is still valid, else null. */
    session(): Promise<Result<SelfUser | null>>;
    /** False when a sign-in lasts for this run only (desktop without a system keyring). */
    keepsSignIn(): Promise<Result<boolean>>;
    /** "Forgot password?": the server mails a link if the address has an account (the answer never says). */
    requestPasswordReset(email: string): Promise<Result<null>>;
  };

  /** The signed-in user's own account: password, sessions, names. */
  account: {
    changePassword(request: ChangePasswordRequest): Promise<Result<null>>;
    sessions(): Promise<Result<SessionsResponse>>;
    endSession(sessionId: number): Promise<Result<null>>;
    /** Ends every session of the account but this one; answers how many ended. */
    endOtherSessions(): Promise<Result<{ ended: number }>>;
    /** New first and last names; every online user is told (`user_updated`). */
    updateMe(request: UpdateMeRequest): Promise<Result<SelfUser>>;
  };

  api: {
    users(): Promise<Result<UsersResponse>>;
    notifications(): Promise<Result<NotificationsResponse>>;
    markRead(request: MarkReadRequest): Promise<Result<null>>;
    botHistory(page: HistoryPage): Promise<Result<BotHistoryResponse>>;
    chatRooms(): Promise<Result<ChatRoomsResponse>>;
    chatRoom(roomId: number, page: HistoryPage): Promise<Result<ChatRoomResponse>>;
    chatGroups(): Promise<Result<ChatGroupsResponse>>;
    chatGroup(groupId: number, page: HistoryPage): Promise<Result<ChatGroupResponse>>;
    createGroup(request: CreateGroupRequest): Promise<Result<ChatGroup>>;
    renameGroup(groupId: number, name: string): Promise<Result<ChatGroup>>;
    /** Messages of every conversation the user can read, newest first; `before` pages older. */
    search(query: SearchQuery): Promise<Result<SearchResponse>>;
  };

  chat: {
    send(payload: MessageSend): Promise<SendAck>;
    leaveGroup(groupId: number): Promise<SimpleAck>;
    /** Edits or deletes one's own message, or toggles a reaction on any one can see. */
    changeMessage(request: MessageChangeRequest): Promise<ChangeAck>;
    /** Says the user is typing in a room or group (the caller throttles it). */
    typing(payload: TypingSend): Promise<SimpleAck>;
  };

  files: {
    /** Uploads one file for a conversation; progress arrives through `events.onUploadProgress`. */
    upload(request: UploadRequest): Promise<Result<Attachment>>;
    /** Stops an upload in progress; its `upload` then resolves with an error. */
    cancelUpload(uploadId: string): Promise<Result<null>>;
    /** Removes an upload that was not sent (taken out of the composer). */
    discard(fileId: string): Promise<Result<null>>;
    /** Fresh, whole links for files the user may read (the others are left out). */
    links(fileIds: string[]): Promise<Result<FileLink[]>>;
    /** Saves a file: the system's save dialog on the desktop, the browser's download on the web. */
    download(request: DownloadRequest): Promise<Result<null>>;
  };

  events: {
    onUploadProgress(listener: (progress: UploadProgress) => void): Unsubscribe;
    onServerEvent(listener: (event: ServerEvent) => void): Unsubscribe;
    onConnectionState(listener: (state: ConnectionState) => void): Unsubscribe;
    /** Fired after a reconnect, once the client should refetch what it shows (catch-up). */
    onResync(listener: () => void): Unsubscribe;
    /** The main process asks the window to show a conversation (a notification was clicked). */
    onOpenConversation(listener: (conversation: ConversationRef) => void): Unsubscribe;
    /** The server list changed: one was added or removed, or its unread count or connection moved. */
    onServersChanged(listener: (servers: ServerSummary[]) => void): Unsubscribe;
  };

  ui: {
    /** The conversation open in this window, so its messages raise no system notification. */
    setActiveConversation(conversation: ConversationRef | null): void;
    /** Opens an http(s) link in the system browser; anything else is refused. */
    openExternal(url: string): Promise<Result<null>>;
  };
}
