import type { SelfUser } from '@parley/shared';
import { Connection, Directory, RoomLinkMap, createParleyApi, socketIoFactory, type SocketFactory, type Timers } from '@parley/shared/client';
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
  fetch?: typeof fetch;
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
  private self: SelfUser | null = null;

  constructor(private readonly deps: ServerSessionDeps) {
    const { entry, registry } = deps;
    this.tokens = new TokenStore(tokenFileFor(deps.userData, entry.id), deps.cipher);
    const api = createParleyApi({
      fetch: deps.fetch ?? fetch,
      baseUrl: () => entry.url,
      token: () => this.tokens.current(),
      onUnauthorized: () => void this.signOut(),
    });
    this.connection = new Connection({ socketFactory: deps.socketFactory ?? socketIoFactory, timers: deps.timers, random: Math.random });
    const directory = new Directory();
    const rooms = new RoomLinkMap();
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
