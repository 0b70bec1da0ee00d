import type { HistoryPage } from '../ipc/contract.js';
import type { LoginRequest, RegisterRequest } from '../schemas/auth.js';
import type { ChangePasswordRequest, UpdateMeRequest } from '../schemas/account.js';
import { accountRoutes } from '../routes/account.js';
import type { CreateGroupRequest } from '../schemas/groups.js';
import type { MarkReadRequest } from '../schemas/notifications.js';
import type { SearchQuery } from '../schemas/search.js';
import { searchRoutes } from '../routes/search.js';
import { authRoutes } from '../routes/auth.js';
import { botRoutes, groupRoutes, notificationRoutes, roomRoutes, userRoutes } from '../routes/chats.js';
import { routePath, type Route } from '../routes/define.js';
import { fileRoutes } from '../routes/files.js';
import type { z } from 'zod';
import { httpRequest, type HttpDeps, type HttpRequest } from './http-request.js';

interface CallInput {
  params?: Record<string, number | string>;
  query?: HttpRequest['query'];
  body?: unknown;
}

/** The REST endpoints of PROTOCOL.md, one function each, built from the shared route tables. */
export function createParleyApi(deps: HttpDeps) {
  const call = <R extends Route>(route: R, input: CallInput = {}): ReturnType<typeof httpRequest<R['response']>> =>
    httpRequest(
      deps,
      {
        method: route.method,
        path: routePath(route, input.params),
        query: input.query,
        body: input.body,
        authenticated: route.authenticated,
      },
      route.response as z.ZodType as R['response'],
    );
  return {
    health: () => call(authRoutes.health),
    register: (body: RegisterRequest) => call(authRoutes.register, { body }),
    login: (body: LoginRequest) => call(authRoutes.login, { body }),
    logout: () => call(authRoutes.logout),
    requestPasswordReset: (email: string) => call(accountRoutes.requestReset, { body: { email } }),
    changePassword: (body: ChangePasswordRequest) => call(accountRoutes.changePassword, { body }),
    sessions: () => call(accountRoutes.sessions),
    endSession: (sessionId: number) => call(accountRoutes.endSession, { params: { id: sessionId } }),
    updateMe: (body: UpdateMeRequest) => call(accountRoutes.updateMe, { body }),
    users: () => call(userRoutes.list),
    notifications: () => call(notificationRoutes.list),
    markRead: (body: MarkReadRequest) => call(notificationRoutes.markRead, { body }),
    botHistory: (page: HistoryPage) => call(botRoutes.history, { query: page }),
    chatRooms: () => call(roomRoutes.list),
    chatRoom: (roomId: number, page: HistoryPage) => call(roomRoutes.history, { params: { id: roomId }, query: page }),
    chatGroups: () => call(groupRoutes.list),
    chatGroup: (groupId: number, page: HistoryPage) => call(groupRoutes.history, { params: { id: groupId }, query: page }),
    createGroup: (body: CreateGroupRequest) => call(groupRoutes.create, { body }),
    renameGroup: (groupId: number, name: string) =>
      call(groupRoutes.rename, { params: { id: groupId }, body: { chat_group_name: name } }),
    fileLinks: (fileIds: string[]) => call(fileRoutes.links, { body: { file_ids: fileIds } }),
    discardFile: (fileId: string) => call(fileRoutes.discard, { params: { id: fileId } }),
    search: (query: SearchQuery) => call(searchRoutes.search, { query: { q: query.q, before: query.before } }),
  };
}

export type ParleyApi = ReturnType<typeof createParleyApi>;
