import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { createGroupRequestSchema } from '../schemas/groups.js';
import { markReadRequestSchema } from '../schemas/notifications.js';
import { groupNameSchema } from '../schemas/text.js';
import { searchQuerySchema } from '../schemas/search.js';
import { defineInvoke, historyPageSchema } from './contract.js';

export const apiIpc = {
  users: defineInvoke('api', 'users', z.tuple([])),
  notifications: defineInvoke('api', 'notifications', z.tuple([])),
  markRead: defineInvoke('api', 'markRead', z.tuple([markReadRequestSchema])),
  botHistory: defineInvoke('api', 'botHistory', z.tuple([historyPageSchema])),
  chatRooms: defineInvoke('api', 'chatRooms', z.tuple([])),
  chatRoom: defineInvoke('api', 'chatRoom', z.tuple([idSchema, historyPageSchema])),
  chatGroups: defineInvoke('api', 'chatGroups', z.tuple([])),
  chatGroup: defineInvoke('api', 'chatGroup', z.tuple([idSchema, historyPageSchema])),
  createGroup: defineInvoke('api', 'createGroup', z.tuple([createGroupRequestSchema])),
  renameGroup: defineInvoke('api', 'renameGroup', z.tuple([idSchema, groupNameSchema])),
  search: defineInvoke('api', 'search', z.tuple([searchQuerySchema.strict()])),
} as const;
