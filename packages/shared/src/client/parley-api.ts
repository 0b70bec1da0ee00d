import {
  healthResponseSchema,
  loginResponseSchema,
  logoutResponseSchema,
  registerResponseSchema,
  type LoginRequest,
  type RegisterRequest,
} from '../schemas/auth.js';
import {
  chatGroupResponseSchema,
  chatGroupSchema,
  chatGroupsResponseSchema,
  type CreateGroupRequest,
} from '../schemas/groups.js';
import { botHistoryResponseSchema } from '../schemas/messages.js';
import {
  markReadResponseSchema,
  notificationsResponseSchema,
  type MarkReadRequest,
} from '../schemas/notifications.js';
import { chatRoomResponseSchema, chatRoomsResponseSchema } from '../schemas/rooms.js';
import { usersResponseSchema } from '../schemas/users.js';
import type { HistoryPage } from '../ipc/contract.js';
import type { z } from 'zod';
import { httpRequest, type HttpDeps, type HttpRequest } from './http-request.js';

/** The REST endpoints of PROTOCOL.md, one function each, every answer parsed with its schema. */
export function createParleyApi(deps: HttpDeps) {
  const call = <T extends z.ZodType>(request: HttpRequest, schema: T) => httpRequest(deps, request, schema);
  return {
    health: () => call({ method: 'GET', path: '/health', authenticated: false }, healthResponseSchema),
    register: (body: RegisterRequest) =>
      call({ method: 'POST', path: '/register', body, authenticated: false }, registerResponseSchema),
    login: (body: LoginRequest) => call({ method: 'POST', path: '/login', body, authenticated: false }, loginResponseSchema),
    logout: () => call({ method: 'GET', path: '/logout' }, logoutResponseSchema),
    users: () => call({ method: 'GET', path: '/users' }, usersResponseSchema),
    notifications: () => call({ method: 'GET', path: '/notifications' }, notificationsResponseSchema),
    markRead: (body: MarkReadRequest) => call({ method: 'PUT', path: '/notifications', body }, markReadResponseSchema),
    botHistory: (page: HistoryPage) => call({ method: 'GET', path: '/chat_bot', query: page }, botHistoryResponseSchema),
    chatRooms: () => call({ method: 'GET', path: '/chat_rooms' }, chatRoomsResponseSchema),
    chatRoom: (roomId: number, page: HistoryPage) =>
      call({ method: 'GET', path: `/chat_rooms/${roomId}`, query: page }, chatRoomResponseSchema),
    chatGroups: () => call({ method: 'GET', path: '/chat_groups' }, chatGroupsResponseSchema),
    chatGroup: (groupId: number, page: HistoryPage) =>
      call({ method: 'GET', path: `/chat_groups/${groupId}`, query: page }, chatGroupResponseSchema),
    createGroup: (body: CreateGroupRequest) => call({ method: 'POST', path: '/chat_groups', body }, chatGroupSchema),
    renameGroup: (groupId: number, name: string) =>
      call({ method: 'PUT', path: `/chat_groups/${groupId}`, body: { chat_group_name: name } }, chatGroupSchema),
  };
}

export type ParleyApi = ReturnType<typeof createParleyApi>;
