import type { ConversationKey } from '@parley/shared';
import { z } from 'zod';

/**
 * Drafts live in the page's localStorage, one entry per signed-in user of a server: the web
 * client keeps them per origin, and the desktop window's storage is kept in its profile folder,
 * so a draft survives a reload and a restart of the app. The desktop window shows several
 * servers in turn from one storage, so the scope names the server too (user ids are per server).
 * Nothing but the text leaves this module.
 */
export type Drafts = Partial<Record<ConversationKey, string>>;

const storedDraftsSchema = z.record(z.string().regex(/^(bot|user:\d+|group:\d+)$/), z.string());
const keyFor = (scope: string) => `parley:drafts:${scope}`;

/** Whose drafts: a user of a server (its origin), or of the page's own server when none is named. */
export function draftScopeOf(serverUrl: string | null, userId: number): string {
  if (serverUrl === null) return String(userId);
  try {
    return `${new URL(serverUrl).origin}:${userId}`;
  } catch {
    return String(userId);
  }
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadDrafts(scope: string): Drafts {
  const raw = storage()?.getItem(keyFor(scope));
  if (!raw) return {};
  try {
    const parsed = storedDraftsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as Drafts) : {};
  } catch {
    return {};
  }
}

export function saveDrafts(scope: string, drafts: Drafts): void {
  const kept = Object.fromEntries(Object.entries(drafts).filter(([, text]) => text !== undefined && text !== ''));
  try {
    if (Object.keys(kept).length === 0) storage()?.removeItem(keyFor(scope));
    else storage()?.setItem(keyFor(scope), JSON.stringify(kept));
  } catch {
    // A full or refused storage keeps the draft for this run only.
  }
}
