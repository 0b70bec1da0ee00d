import type { ConversationKey } from '@parley/shared';
import { z } from 'zod';

/**
 * Drafts live in the page's localStorage, one entry per signed-in user: the web client keeps
 * them per origin, and the desktop window's storage is kept in its profile folder, so a draft
 * survives a reload and a restart of the app. Nothing but the text leaves this module.
 */
export type Drafts = Partial<Record<ConversationKey, string>>;

const storedDraftsSchema = z.record(z.string().regex(/^(bot|user:\d+|group:\d+)$/), z.string());
const keyFor = (userId: number) => `parley:drafts:${userId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadDrafts(userId: number): Drafts {
  const raw = storage()?.getItem(keyFor(userId));
  if (!raw) return {};
  try {
    const parsed = storedDraftsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? (parsed.data as Drafts) : {};
  } catch {
    return {};
  }
}

export function saveDrafts(userId: number, drafts: Drafts): void {
  const kept = Object.fromEntries(Object.entries(drafts).filter(([, text]) => text !== undefined && text !== ''));
  try {
    if (Object.keys(kept).length === 0) storage()?.removeItem(keyFor(userId));
    else storage()?.setItem(keyFor(userId), JSON.stringify(kept));
  } catch {
    // A full or refused storage keeps the draft for this run only.
  }
}
