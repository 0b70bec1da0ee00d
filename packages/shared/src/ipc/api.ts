import { z } from 'zod';
import { idSchema } from '../schemas/common.js';
import { createGroupRequestSchema } from '../schemas/groups.js';
import { markReadRequestSchema } from '../schemas/notifications.js';
import { groupNameSchema } from '../schemas/text.js';
import { defineInvoke, historyPageSchema } from './contract.js';

export const apiIpc = {
  users: defineInvoke('parley:api:users', z.tuple([])),
  notifications: defineInvoke('parley:api:notifications', z.tuple([])),
  markRead: defineInvoke('parley:api:mark-read', z.tuple([markReadRequestSchema])),
  botHistory: defineInvoke('parley:api:bot-history', z.tuple([historyPageSchema])),
  chatRooms: defineInvoke('parley:api:chat-rooms', z.tuple([])),
  chatRoom: defineInvoke('parley:api:chat-room', z.tuple([idSchema, historyPageSchema])),
  chatGroups: defineInvoke('parley:api:chat-groups', z.tuple([])),
  chatGroup: defineInvoke('parley:api:chat-group', z.tuple([idSchema, historyPageSchema])),
  createGroup: defineInvoke('parley:api:create-group', z.tuple([createGroupRequestSchema])),
  renameGroup: defineInvoke('parley:api:rename-group', z.tuple([idSchema, groupNameSchema])),
} as const;
