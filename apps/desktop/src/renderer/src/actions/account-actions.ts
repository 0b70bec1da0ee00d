import type { ChangePasswordRequest, ErrorDetail, UpdateMeRequest } from '@parley/shared';
import type { ActionContext } from './context';

/** "Forgot password?": the answer is the same whether or not the address has an account. */
export async function requestPasswordReset(ctx: ActionContext, email: string): Promise<ErrorDetail | null> {
  const result = await ctx.bridge.auth.requestPasswordReset(email);
  return result.ok ? null : result.error;
}

export async function updateMe(ctx: ActionContext, request: UpdateMeRequest): Promise<ErrorDetail | null> {
  const result = await ctx.bridge.account.updateMe(request);
  if (!result.ok) return result.error;
  const s = ctx.store.getState();
  s.renameSelf(result.value);
  const known = s.users[result.value.user_id];
  if (known) s.upsertUser({ ...known, first_name: result.value.first_name, last_name: result.value.last_name });
  return null;
}

export async function changePassword(ctx: ActionContext, request: ChangePasswordRequest): Promise<ErrorDetail | null> {
  const result = await ctx.bridge.account.changePassword(request);
  return result.ok ? null : result.error;
}
