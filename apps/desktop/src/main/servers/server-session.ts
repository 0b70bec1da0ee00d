import type { SelfUser } from '@parley/shared';
import { Connection, Directory, RoomLinkMap, createParleyApi, socketIoFactory, type FetchLike, type SocketFactory, type Timers } from '@parley/shared/client';
import { NotificationCoalescer, type Coalesced } from '../notifications/coalescer.js';
import { UnreadCenter, refreshUnread } from '../notifications/unread-center.js';
import { TokenStore, type SecretCipher } from '../session/token-store.js';
import { tokenFileFor } from './server-identity.js';
import type { ServerEntry, ServerRegistry } from './server-registry.js';

export interface ServerSessionDeps {
  entry: ServerEntry;
  registry: ServerRegistry;
  userData: string;
  cipher: SecretCipher;
  timers: Timers;
  /** Notifications of this server, before do not disturb and the server's name are applied. */
  showNotification: (notification: Coalesced, entry: ServerEntry) => void;
  socketFactory?: SocketFactory;
  fetch?: FetchLike;
}

/**
 * A server signed in to besides the one on screen: its own token (encrypted, in its own file),
 * its own connection and its own unread counts, reported to the registry. It notifies like the
 * one on screen; nothing of it is in the window until the user switches to it.
 */
export class ServerSession {
  readonly tokens: TokenStore;
  private readonly connection: Connection;
  private readonly unread: UnreadCenter;
  private readonly coalescer: NotificationCoalescer;
  private readonly refresh: () => Promise<void>;
  private readonly api: ReturnType<typeof createParleyApi>;
  private readonly rooms = new RoomLinkMap();
  private self: SelfUser | null = null;

  constructor(private readonly deps: ServerSessionDeps) {
    const { entry, registry } = deps;
    this.tokens = new TokenStore(tokenFileFor(deps.userData, entry.id), deps.cipher);
    const api = (this.api = createParleyApi({
      fetch: deps.fetch ?? fetch,
      baseUrl: () => entry.url,
      token: () => this.tokens.current(),
      onUnauthorized: () => void this.signOut(),
    }));
    this.connection = new Connection({ socketFactory: deps.socketFactory ?? socketIoFactory, timers: deps.timers, random: Math.random });
    const directory = new Directory();
    const rooms = this.rooms;
    this.coalescer = new NotificationCoalescer((n) => deps.showNotification(n, entry), deps.timers);
    this.unread = new UnreadCenter({
      directory,
      rooms,
      render: (view) => registry.setUnread(entry.id, view.badgeCount),
      notify: (request) => this.coalescer.push(request),
      forget: (key) => this.coalescer.forget(key),
      // Not on screen: every message from someone else may notify.
      context: () => ({ selfUserId: this.self?.user_id ?? null, activeConversation: null, windowFocused: false, windowVisible: false }),
    });
    this.refresh = () => refreshUnread(this.unread, { directory, rooms }, api);
    this.connection.onState((state) => registry.setConnection(entry.id, state.status));
    this.connection.onServerEvent((event) => this.unread.handle(event));
    this.connection.onResync(() => void this.refresh());
    this.connection.onSessionExpired(() => void this.signOut());
  }

  /** Resumes a stored sign-in; false when there is none. */
  async resume(self: SelfUser | null): Promise<boolean> {
    const token = await this.tokens.load();
    if (token === null) return false;
    this.begin(token, self);
    return true;
  }

  async signIn(token: string, self: SelfUser): Promise<void> {
    await this.tokens.save(token);
    this.begin(token, self);
  }

  async refreshed(): Promise<void> {
    await this.refresh();
  }

  /** Which person a room is with on this server (a deep link names rooms); the room list is fetched once when the room is new. */
  async userOfRoom(roomId: number): Promise<number | undefined> {
    const known = this.rooms.userOfRoom(roomId);
    if (known !== undefined) return known;
    const rooms = await this.api.chatRooms();
    if (rooms.ok) this.rooms.learnRooms(rooms.value.chat_rooms);
    return this.rooms.userOfRoom(roomId);
  }

  /**
   * Hands the sign-in over to the window (this server comes on screen): the background
   * connection stops and the token leaves this session's file; the caller keeps it.
   */
  async take(): Promise<string | null> {
    const token = await this.tokens.load();
    this.stop();
    await this.tokens.clear();
    return token;
  }

  /** The user removed this server: the token is revoked there when it can be, and forgotten here. */
  async logout(): Promise<void> {
    if ((await this.tokens.load()) !== null) await this.api.logout();
    await this.signOut();
  }

  /** Signs out of this server only: its token is forgotten, its unread count leaves the sum. */
  async signOut(): Promise<void> {
    this.stop();
    await this.tokens.clear();
  }

  stop(): void {
    this.connection.stop();
    this.coalescer.clear();
    this.unread.reset();
    this.deps.registry.setConnection(this.deps.entry.id, 'signed_out');
  }

  private begin(token: string, self: SelfUser | null): void {
    this.self = self;
    this.connection.start(this.deps.entry.url, token);
    void this.refresh();
  }
}
