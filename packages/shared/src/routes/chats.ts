import { chatGroupResponseSchema, chatGroupSchema, chatGroupsResponseSchema } from '../schemas/groups.js';
import { botHistoryResponseSchema } from '../schemas/messages.js';
import { markReadResponseSchema, notificationsResponseSchema } from '../schemas/notifications.js';
import { chatRoomResponseSchema, chatRoomsResponseSchema } from '../schemas/rooms.js';
import { usersResponseSchema } from '../schemas/users.js';
import { defineRoute } from './define.js';

export const userRoutes = {
  list: defineRoute({ method: 'GET', path: '/users', status: 200, response: usersResponseSchema, authenticated: true }),
} as const;

export const notificationRoutes = {
  list: defineRoute({ method: 'GET', path: '/notifications', status: 200, response: notificationsResponseSchema, authenticated: true }),
  markRead: defineRoute({ method: 'PUT', path: '/notifications', status: 200, response: markReadResponseSchema, authenticated: true }),
} as const;

export const botRoutes = {
  /** `GET /chat-bot` too (the seed's other spelling). */
  history: defineRoute({ method: 'GET', path: '/chat_bot', status: 200, response: botHistoryResponseSchema, authenticated: true }),
} as const;

export const roomRoutes = {
  list: defineRoute({ method: 'GET', path: '/chat_rooms', status: 200, response: chatRoomsResponseSchema, authenticated: true }),
  history: defineRoute({ method: 'GET', path: '/chat_rooms/:id', status: 200, response: chatRoomResponseSchema, authenticated: true }),
} as const;

export const groupRoutes = {
  list: defineRoute({ method: 'GET', path: '/chat_groups', status: 200, response: chatGroupsResponseSchema, authenticated: true }),
  create: defineRoute({ method: 'POST', path: '/chat_groups', status: 201, response: chatGroupSchema, authenticated: true }),
  history: defineRoute({ method: 'GET', path: '/chat_groups/:id', status: 200, response: chatGroupResponseSchema, authenticated: true }),
  rename: defineRoute({ method: 'PUT', path: '/chat_groups/:id', status: 200, response: chatGroupSchema, authenticated: true }),
  /** The seed's form of a rename: the id travels in the body. */
  renameById: defineRoute({ method: 'PUT', path: '/chat_groups', status: 200, response: chatGroupSchema, authenticated: true }),
} as const;
