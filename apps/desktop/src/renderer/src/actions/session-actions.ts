import { refOf, type ErrorDetail, type LoginRequest, type RegisterRequest, type SelfUser } from '@parley/shared';
import type { ActionContext } from './context';
import { openConversation } from './conversation-actions';
import { loadDirectory } from './directory-actions';
import { loadServers, openAfterSwitch } from './server-list-actions';
import { draftScopeOf } from '../stores/draft-storage';

/** First screen: the remembered server (desktop) and a still-valid session, if any. */
export async function boot(ctx: ActionContext): Promise<void> {
  const { store, bridge } = ctx;
  const [server, keeps] = await Promise.all([bridge.server.current(), bridge.auth.keepsSignIn(), loadServers(ctx)]);
  if (keeps.ok) store.getState().setKeepsSignIn(keeps.value);
  if (!server.ok || server.value === null) {
    store.getState().setPhase(bridge.platform === 'desktop' ? 'first-run' : 'signed-out');
    return;
  }
  store.getState().setServer(server.value);
  const session = await bridge.auth.session();
  if (session.ok && session.value) {
    await enterChat(ctx, session.value);
    // This window may have loaded for a switch that asked to open a conversation here.
    await openAfterSwitch(ctx);
  } else store.getState().setPhase('signed-out');
}

async function enterChat(ctx: ActionContext, self: SelfUser): Promise<void> {
  ctx.store.getState().signedIn(self);
  ctx.store.getState().restoreDrafts(draftScopeOf(ctx.store.getState().server?.url ?? null, self.user_id));
  const directory = loadDirectory(ctx);
  const opening = openConversation(ctx, ctx.store.getState().active ?? 'bot');
  await Promise.all([directory, opening]);
}

export async function login(ctx: ActionContext, request: LoginRequest): Promise<ErrorDetail | null> {
  const result = await ctx.bridge.auth.login(request);
  if (!result.ok) return result.error;
  await enterChat(ctx, result.value);
  return null;
}

export async function register(ctx: ActionContext, request: RegisterRequest): Promise<ErrorDetail | null> {
  const result = await ctx.bridge.auth.register(request);
  return result.ok ? null : result.error;
}

/** Forgets everything the signed-in user could see. */
export function clearSession(ctx: ActionContext): void {
  const s = ctx.store.getState();
  s.signedOut();
  s.setActive(null);
  s.resetConversations();
  s.replaceUnread({});
  s.replaceMentions({});
  s.closeSearch();
  ctx.store.setState({ drafts: {}, draftScope: null });
  s.setUsers([]);
  s.setGroups([]);
  ctx.store.setState({ roomByUser: {}, userByRoom: {}, recipientByClientId: {}, lastActivityByUser: {}, presentByGroup: {} });
  ctx.bridge.ui.setActiveConversation(null);
}

export async function logout(ctx: ActionContext): Promise<void> {
  const active = ctx.store.getState().active;
  const open = active ? refOf(active) : null;
  if (open?.kind === 'group') void ctx.bridge.chat.leaveGroup(open.groupId);
  await ctx.bridge.auth.logout();
  clearSession(ctx);
}
