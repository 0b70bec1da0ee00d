import { accountIpc } from '@parley/shared/ipc';
import type { AccountService } from '../session/account-service.js';
import { handleInvoke, type IpcGuard } from './guard.js';

export function registerAccountHandlers(guard: IpcGuard, account: AccountService): void {
  handleInvoke(guard, accountIpc.changePassword, ([request]) => account.changePassword(request));
  handleInvoke(guard, accountIpc.sessions, () => account.sessions());
  handleInvoke(guard, accountIpc.endSession, ([sessionId]) => account.endSession(sessionId));
  handleInvoke(guard, accountIpc.endOtherSessions, () => account.endOtherSessions());
  handleInvoke(guard, accountIpc.updateMe, ([request]) => account.updateMe(request));
}
