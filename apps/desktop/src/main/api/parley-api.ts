import {
  botHistoryResponseSchema,
  chatGroupResponseSchema,
  chatGroupSchema,
  chatGroupsResponseSchema,
  chatRoomResponseSchema,
  chatRoomsResponseSchema,
  healthResponseSchema,
  loginResponseSchema,
  logoutResponseSchema,
  markReadResponseSchema,
  notificationsResponseSchema,
  registerResponseSchema,
  usersResponseSchema,
  type CreateGroupRequest,
  type LoginRequest,
  type MarkReadRequest,
  type RegisterRequest,
} from '@parley/shared';
import type { HistoryPage } from '@parley/shared/ipc';
import type { z } from 'zod';
import { httpRequest, type HttpDeps, type HttpRequest } from './http-client.js';

/** The REST endpoints of PROTOCOL.md, one function each. */
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
