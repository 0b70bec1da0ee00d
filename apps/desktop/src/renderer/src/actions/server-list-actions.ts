import { keyOf, type ErrorDetail } from '@parley/shared';
import type { ActionContext } from './context';
import { openConversation } from './conversation-actions';

/** The servers the desktop app is signed in to (none in the web client, which is on its origin). */
export async function loadServers(ctx: ActionContext): Promise<void> {
  const listed = await ctx.bridge.servers.list();
  if (listed.ok) ctx.store.getState().setServers(listed.value);
}

/** Adds a server and shows it (the window loads again on it); an error says why not. */
export async function addServer(ctx: ActionContext, url: string): Promise<ErrorDetail | null> {
  const added = await ctx.bridge.servers.add(url.trim());
  if (!added.ok) return added.error;
  ctx.store.getState().setServers(added.value);
  return null;
}

export async function switchServer(ctx: ActionContext, serverId: string): Promise<ErrorDetail | null> {
  const switched = await ctx.bridge.servers.switchTo(serverId, null);
  return switched.ok ? null : switched.error;
}

export async function removeServer(ctx: ActionContext, serverId: string): Promise<ErrorDetail | null> {
  const removed = await ctx.bridge.servers.remove(serverId);
  if (!removed.ok) return removed.error;
  ctx.store.getState().setServers(removed.value);
  return null;
}

/** After a switch asked to open a conversation (a notification or link of that server): open it. */
export async function openAfterSwitch(ctx: ActionContext): Promise<void> {
  const opening = await ctx.bridge.servers.opening();
  if (opening.ok && opening.value) await openConversation(ctx, keyOf(opening.value));
}
