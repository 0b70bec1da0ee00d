import type { ConversationRef, SelfUser } from '@parley/shared';
import type { Result, ServerChoice, ServerSummary } from '@parley/shared/ipc';
import type { OtherServer, Settings } from '../session/settings-store.js';
import { serverIdOf } from './server-identity.js';
import type { ServerEntry, ServerRegistry } from './server-registry.js';

/** A sign-in kept behind the window: `ServerSession`, reduced to what switching needs. */
export interface BackgroundSession {
  resume(user: SelfUser | null): Promise<boolean>;
  signIn(token: string, user: SelfUser): Promise<void>;
  /** Stops it and hands its token over (the window takes it). */
  take(): Promise<string | null>;
  /** Revokes the token on its server and forgets it. */
  logout(): Promise<void>;
  userOfRoom(roomId: number): Promise<number | undefined>;
}

/** The server in the window: the server choice and the sign-in of `services.ts`. */
export interface WindowServer {
  choice(): ServerChoice | null;
  token(): string | null;
  self(): SelfUser | null;
  /** Ends the window's sign-in in this app only: its token lives on behind, or was revoked. */
  release(): Promise<void>;
  /** Puts a server in the window, signed in when a token and user are given. */
  adopt(choice: ServerChoice, token: string | null, user: SelfUser | null): Promise<void>;
  /** Checks `<url>/health`; answers the server's URL as it will be used. */
  check(url: string): Promise<Result<string>>;
  /** The first-run screen's join: checks `/health` and puts a server in the window (no sign-in yet). */
  join(url: string): Promise<Result<ServerChoice>>;
  /** Signs out of the server in the window (revoking the token) and forgets it. */
  logoutAndForget(): Promise<void>;
  keepHosting(): Promise<Result<ServerChoice>>;
  stopHosting(): Promise<void>;
}

export interface ServerSwitcherDeps {
  registry: ServerRegistry;
  settings: { read(): Promise<Settings>; update(change: Partial<Settings>): Promise<Settings> };
  window: WindowServer;
  session: (entry: ServerEntry) => BackgroundSession;
  /** The window loads again on the server now in it (its stores start clean). */
  reload: () => void;
  log: (line: string) => void;
}

interface Behind {
  choice: ServerChoice;
  user: SelfUser | null;
  session: BackgroundSession;
}

const notFound = (serverId: string): Result<never> => ({
  ok: false,
  error: { code: 'not_found', message: `Parley is not signed in to ${serverId}.` },
});

/**
 * Several servers (issue: "sign in to more than one Parley server"): one is in the window, the
 * others stay signed in behind, each with its own token, connection and unread count, all in the
 * registry the tray sums. Switching hands the window's sign-in to a background session and takes
 * the chosen one's over; nobody is signed out by a switch, and a hosted server keeps running
 * while it is on the list.
 */
export class ServerSwitcher {
  private readonly behind = new Map<string, Behind>();
  private order: string[] = [];
  private pendingOpen: ConversationRef | null = null;
  private busy: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: ServerSwitcherDeps) {}

  /** At start, after the window's server is restored: every other server signs in again behind. */
  async restore(): Promise<void> {
    const settings = await this.deps.settings.read();
    this.order = settings.serverOrder;
    this.syncWindow();
    for (const other of settings.otherServers) {
      const id = serverIdOf(other.server.url);
      if (id === null || id === this.windowId() || this.behind.has(id)) continue;
      if (other.server.mode === 'host') {
        const hosted = await this.deps.window.keepHosting();
        if (!hosted.ok) this.deps.log(`[servers] the hosted server did not start again: ${hosted.error.message}`);
      }
      await this.keepBehind(other.server, other.user, null);
    }
    this.syncWindow();
  }

  /** The list as the window asks for it: first made to match the server in the window. */
  current(): Result<ServerSummary[]> {
    this.syncWindow();
    return { ok: true, value: this.list() };
  }

  /** The list the switcher shows, in the order servers were added. */
  list(): ServerSummary[] {
    const windowId = this.windowId();
    const rank = (id: string) => {
      const at = this.order.indexOf(id);
      return at === -1 ? Number.MAX_SAFE_INTEGER : at;
    };
    return this.deps.registry
      .list()
      .sort((a, b) => rank(a.id) - rank(b.id))
      .map((entry) => ({
        id: entry.id,
        label: entry.label,
        url: entry.url,
        unread: entry.unread,
        connection: entry.connection,
        active: entry.id === windowId,
        hosted: (entry.id === windowId ? this.deps.window.choice() : this.behind.get(entry.id)?.choice)?.mode === 'host',
      }));
  }

  /** Adds a server: the one in the window stays signed in behind, the new one comes on screen. */
  add(url: string): Promise<Result<ServerSummary[]>> {
    return this.serially(async () => {
      const checked = await this.deps.window.check(url);
      if (!checked.ok) return checked;
      const id = serverIdOf(checked.value);
      if (id === null) return notFound(url);
      if (id === this.windowId()) return { ok: true, value: this.list() };
      if (this.behind.has(id)) return this.bringForward(id, null);
      const previous = this.snapshot();
      if (previous) await this.keepBehind(previous.choice, previous.user, previous.token);
      await this.deps.window.release();
      await this.deps.window.adopt({ mode: 'remote', url: checked.value }, null, null);
      this.pendingOpen = null;
      return this.shown();
    });
  }

  /**
   * A server chosen from the first-run screen: when it is one of the servers behind, that one is
   * brought forward rather than joined twice.
   */
  join(url: string): Promise<Result<ServerChoice>> {
    return this.serially(async () => {
      const id = serverIdOf(url);
      const kept = id === null ? undefined : this.behind.get(id);
      if (id === null || !kept) {
        const joined = await this.deps.window.join(url);
        this.syncWindow();
        await this.persist();
        return joined;
      }
      // The window loads again, signed in there already.
      const shown = await this.bringForward(id, null);
      return shown.ok ? { ok: true, value: kept.choice } : shown;
    });
  }

  /** Shows another server of the list; `open` is opened there once the window has loaded. */
  switchTo(serverId: string, open: ConversationRef | null): Promise<Result<ServerSummary[]>> {
    return this.serially(async () => {
      if (serverId === this.windowId()) {
        if (open) this.pendingOpen = open;
        return { ok: true, value: this.list() };
      }
      return this.bringForward(serverId, open);
    });
  }

  /** Signs out of one server and takes it off the list; for the one in the window, the next one comes forward. */
  remove(serverId: string): Promise<Result<ServerSummary[]>> {
    return this.serially(async () => {
      const kept = this.behind.get(serverId);
      if (kept) {
        this.behind.delete(serverId);
        await kept.session.logout();
        this.deps.registry.remove(serverId);
        if (kept.choice.mode === 'host') await this.deps.window.stopHosting();
        await this.persist();
        return { ok: true, value: this.list() };
      }
      if (serverId !== this.windowId()) return notFound(serverId);
      await this.deps.window.logoutAndForget();
      this.deps.registry.remove(serverId);
      const next = this.behind.keys().next();
      if (next.done) {
        await this.persist();
        this.deps.reload();
        return { ok: true, value: this.list() };
      }
      return this.bringForward(next.value, null);
    });
  }

  /** A server behind the window by the host (and port) a deep link names it by. */
  behindAt(host: string): { id: string; session: BackgroundSession } | null {
    for (const [id, kept] of this.behind) if (new URL(id).host === host) return { id, session: kept.session };
    return null;
  }

  /** The conversation a switch was asked to open, handed to the window that loads after it, once. */
  takeOpening(): Result<ConversationRef | null> {
    const open = this.pendingOpen;
    this.pendingOpen = null;
    return { ok: true, value: open };
  }

  /** The server in the window's registry entry, made to match what the window shows. */
  syncWindow(): ServerEntry | null {
    const url = this.deps.window.choice()?.url ?? null;
    const entry = url === null ? null : this.deps.registry.add(url);
    // The window's previous server, when it is not kept behind, no longer has a session here.
    for (const other of this.deps.registry.list()) if (other.id !== entry?.id && !this.behind.has(other.id)) this.deps.registry.remove(other.id);
    if (entry) {
      this.deps.registry.activate(entry.id);
      if (!this.order.includes(entry.id)) this.order = [...this.order, entry.id];
    }
    return entry;
  }

  private windowId(): string | null {
    const url = this.deps.window.choice()?.url;
    return url === undefined ? null : serverIdOf(url);
  }

  private snapshot(): { choice: ServerChoice; token: string | null; user: SelfUser | null } | null {
    const choice = this.deps.window.choice();
    if (!choice) return null;
    return { choice, token: this.deps.window.token(), user: this.deps.window.self() };
  }

  private async bringForward(serverId: string, open: ConversationRef | null): Promise<Result<ServerSummary[]>> {
    const target = this.behind.get(serverId);
    if (!target) return notFound(serverId);
    const previous = this.snapshot();
    // The window's sign-in goes behind before it is released, so its token is never only in memory.
    if (previous) await this.keepBehind(previous.choice, previous.user, previous.token);
    await this.deps.window.release();
    this.behind.delete(serverId);
    const token = await target.session.take();
    await this.deps.window.adopt(target.choice, token, token === null ? null : target.user);
    this.pendingOpen = open;
    return this.shown();
  }

  private async shown(): Promise<Result<ServerSummary[]>> {
    this.syncWindow();
    await this.persist();
    this.deps.reload();
    return { ok: true, value: this.list() };
  }

  private async keepBehind(choice: ServerChoice, user: SelfUser | null, token: string | null): Promise<void> {
    const entry = this.deps.registry.add(choice.url);
    if (!entry) return;
    if (!this.order.includes(entry.id)) this.order = [...this.order, entry.id];
    const session = this.deps.session(entry);
    this.behind.set(entry.id, { choice, user, session });
    if (token !== null && user !== null) await session.signIn(token, user);
    else await session.resume(user);
  }

  private async persist(): Promise<void> {
    const otherServers: OtherServer[] = [...this.behind.values()].map(({ choice, user }) => ({ server: choice, user }));
    const known = new Set([...this.behind.keys(), ...(this.windowId() === null ? [] : [this.windowId() as string])]);
    this.order = this.order.filter((id) => known.has(id));
    await this.deps.settings.update({ otherServers, serverOrder: this.order });
  }

  /** One change at a time: two quick clicks never switch halfway twice. */
  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.busy.then(work, work);
    this.busy = next.catch(() => undefined);
    return next;
  }
}
