import type { MarkReadRequest } from '@parley/shared';
import { apiIpc, type HistoryPage, type Result } from '@parley/shared/ipc';
import type { ParleyApi } from '@parley/shared/client';
import { fetchAllAfter, type HistoryPageOf } from '../connection/catch-up.js';
import { handleInvoke, type IpcGuard } from './guard.js';

/**
 * With `after` (catch-up after a reconnect) the main process follows every page, so the window
 * gets all it missed in one answer: no gap, no duplicate, `has_more: false` unless it gave up.
 */
function history<P extends HistoryPageOf<{ id: number }>>(
  page: HistoryPage,
  fetchPage: (page: HistoryPage) => Promise<Result<P>>,
): Promise<Result<P>> {
  if (page.after === undefined) return fetchPage(page);
  return fetchAllAfter<P['messages'][number], P>((after) => fetchPage({ after }), page.after);
}

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
  handleInvoke(guard, apiIpc.botHistory, ([page]) => history(page, (p) => api.botHistory(p)));
  handleInvoke(guard, apiIpc.chatRooms, () => api.chatRooms());
  handleInvoke(guard, apiIpc.chatRoom, ([roomId, page]) => history(page, (p) => api.chatRoom(roomId, p)));
  handleInvoke(guard, apiIpc.chatGroups, () => api.chatGroups());
  handleInvoke(guard, apiIpc.chatGroup, ([groupId, page]) => history(page, (p) => api.chatGroup(groupId, p)));
  handleInvoke(guard, apiIpc.createGroup, ([request]) => api.createGroup(request));
  handleInvoke(guard, apiIpc.renameGroup, ([groupId, name]) => api.renameGroup(groupId, name));
}
