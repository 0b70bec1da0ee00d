import { z } from 'zod';
import { idSchema } from './common.js';

export const userSummarySchema = z.object({
  user_id: idSchema,
  first_name: z.string(),
  last_name: z.string(),
});
export type UserSummary = z.infer<typeof userSummarySchema>;

export const userWithPresenceSchema = userSummarySchema.extend({ online: z.boolean() });
export type UserWithPresence = z.infer<typeof userWithPresenceSchema>;

export const selfUserSchema = userSummarySchema.extend({ email: z.string() });
export type SelfUser = z.infer<typeof selfUserSchema>;

export const usersResponseSchema = z.object({ users: z.array(userWithPresenceSchema) });
export type UsersResponse = z.infer<typeof usersResponseSchema>;
