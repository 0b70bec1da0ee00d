import { z } from 'zod';
import { idSchema, timestampSchema } from './common.js';
import { emailSchema, passwordSchema, personNameSchema } from './text.js';
import { selfUserSchema } from './users.js';

export const passwordResetRequestSchema = z.object({ email: emailSchema });
export type PasswordResetRequest = z.infer<typeof passwordResetRequestSchema>;

export const passwordResetSentSchema = z.object({ status: z.literal('reset_sent') });
export type PasswordResetSent = z.infer<typeof passwordResetSentSchema>;

/** `GET /password_reset/<token>` for an API client: the link can still be used. */
export const passwordResetLinkSchema = z.object({ status: z.literal('link_valid') });
export type PasswordResetLink = z.infer<typeof passwordResetLinkSchema>;

export const passwordResetConfirmSchema = z.object({ password: passwordSchema });
export type PasswordResetConfirm = z.infer<typeof passwordResetConfirmSchema>;

export const passwordChangedSchema = z.object({ status: z.literal('password_changed') });
export type PasswordChanged = z.infer<typeof passwordChangedSchema>;

/** The current password is checked as typed, like a login's; the new one by the registration rules. */
export const changePasswordRequestSchema = z.object({
  current_password: z.string().min(1, 'must not be empty').max(1024, 'is too long'),
  new_password: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const sessionInfoSchema = z.object({
  session_id: idSchema,
  created_at: timestampSchema,
  last_used_at: timestampSchema,
  client: z.string(),
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const sessionsResponseSchema = z.object({ sessions: z.array(sessionInfoSchema) });
export type SessionsResponse = z.infer<typeof sessionsResponseSchema>;

export const sessionEndedSchema = z.object({ status: z.literal('logged_out') });
export type SessionEnded = z.infer<typeof sessionEndedSchema>;

export const updateMeRequestSchema = z.object({ first_name: personNameSchema, last_name: personNameSchema });
export type UpdateMeRequest = z.infer<typeof updateMeRequestSchema>;

export const updateMeResponseSchema = z.object({ user: selfUserSchema });
export type UpdateMeResponse = z.infer<typeof updateMeResponseSchema>;
