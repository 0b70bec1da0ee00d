import type { ConnectionState } from '@parley/shared/ipc';
import { trayView, type TrayView } from '../notifications/unread-state.js';
import { serverIdOf, serverLabelOf } from './server-identity.js';

export interface ServerEntry {
  id: string;
  url: string;
  label: string;
  /** Unread messages on that server, as its own unread center counts them. */
  unread: number;
  connection: ConnectionState['status'];
}

/**
 * Every Parley server this app is signed in to, each with its own unread count and connection
 * state; one of them is on screen. The tray and badge show the sum over all of them.
 */
export class ServerRegistry {
  private readonly entries = new Map<string, ServerEntry>();
  private active: string | null = null;
  private readonly listeners = new Set<() => void>();

  /** Adds a server (or finds it again); null for a URL that is not http(s). */
  add(url: string): ServerEntry | null {
    const id = serverIdOf(url);
    if (id === null) return null;
    const known = this.entries.get(id);
    if (known) return known;
    const entry: ServerEntry = { id, url: id, label: serverLabelOf(id), unread: 0, connection: 'signed_out' };
    this.entries.set(id, entry);
    this.changed();
    return entry;
  }

  remove(id: string): void {
    if (!this.entries.delete(id)) return;
    if (this.active === id) this.active = this.entries.keys().next().value ?? null;
    this.changed();
  }

  activate(id: string): void {
    if (!this.entries.has(id) || this.active === id) return;
    this.active = id;
    this.changed();
  }

  get activeId(): string | null {
    return this.active;
  }

  setUnread(id: string, unread: number): void {
    this.patch(id, { unread: Math.max(0, unread) });
  }

  setConnection(id: string, connection: ConnectionState['status']): void {
    this.patch(id, { connection });
  }

  list(): ServerEntry[] {
    return [...this.entries.values()];
  }

  get size(): number {
    return this.entries.size;
  }

  get total(): number {
    let total = 0;
    for (const entry of this.entries.values()) total += entry.unread;
    return total;
  }

  /** What the tray and badge show: the unread messages of every server together. */
  trayView(): TrayView {
    return trayView(this.total);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private patch(id: string, change: Partial<ServerEntry>): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const next = { ...entry, ...change };
    if (next.unread === entry.unread && next.connection === entry.connection) return;
    this.entries.set(id, next);
    this.changed();
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
