import { z } from 'zod';
import { idSchema } from './common.js';
import { emailSchema, passwordSchema, personNameSchema } from './text.js';
import { selfUserSchema } from './users.js';

export const registerRequestSchema = z.object({
  email: emailSchema,
  password: passwordSchema,
  first_name: personNameSchema,
  last_name: personNameSchema,
});
export type RegisterRequest = z.infer<typeof registerRequestSchema>;

export const registerResponseSchema = z.object({ status: z.literal('confirmation_sent') });
export type RegisterResponse = z.infer<typeof registerResponseSchema>;

export const registerConfirmedSchema = z.object({ user_id: idSchema });
export type RegisterConfirmed = z.infer<typeof registerConfirmedSchema>;

/** Login checks the password as typed; only its presence and size are validated here. */
export const loginRequestSchema = z.object({
  email: emailSchema,
  password: z.string().min(1, 'must not be empty').max(1024, 'is too long'),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const loginResponseSchema = z.object({ token: z.string(), user: selfUserSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const logoutResponseSchema = z.object({ status: z.literal('logged_out') });
export type LogoutResponse = z.infer<typeof logoutResponseSchema>;

export const healthResponseSchema = z.object({ status: z.literal('ok') });
export type HealthResponse = z.infer<typeof healthResponseSchema>;
