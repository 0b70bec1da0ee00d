import type { MarkReadRequest } from '@parley/shared';
import { apiIpc, type Result } from '@parley/shared/ipc';
import type { ParleyApi } from '@parley/shared/client';
import { handleInvoke, type IpcGuard } from './guard.js';

/** `api` is the REST client with catch-up (`withCatchUp`): an `after` answer holds every page. */

export function registerApiHandlers(
  guard: IpcGuard,
  api: ParleyApi,
  onMarkedRead: (request: MarkReadRequest) => void,
): void {
  const ok = <T>(result: Result<T>): Result<null> => (result.ok ? { ok: true, value: null } : result);

  handleInvoke(guard, apiIpc.users, () => api.users());
  handleInvoke(guard, apiIpc.notifications, () => api.notifications());
  handleInvoke(guard, apiIpc.markRead, async ([request]) => {
    const result = await api.markRead(request);
    if (result.ok) onMarkedRead(request);
    return ok(result);
  });
  handleInvoke(guard, apiIpc.botHistory, ([page]) => api.botHistory(page));
  handleInvoke(guard, apiIpc.chatRooms, () => api.chatRooms());
  handleInvoke(guard, apiIpc.chatRoom, ([roomId, page]) => api.chatRoom(roomId, page));
  handleInvoke(guard, apiIpc.chatGroups, () => api.chatGroups());
  handleInvoke(guard, apiIpc.chatGroup, ([groupId, page]) => api.chatGroup(groupId, page));
  handleInvoke(guard, apiIpc.createGroup, ([request]) => api.createGroup(request));
  handleInvoke(guard, apiIpc.renameGroup, ([groupId, name]) => api.renameGroup(groupId, name));
  handleInvoke(guard, apiIpc.search, ([query]) => api.search(query));
}
