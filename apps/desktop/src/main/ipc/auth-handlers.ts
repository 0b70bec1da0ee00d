import { authIpc } from '@parley/shared/ipc';
import type { AuthService } from '../session/auth-service.js';
import { handleInvoke, type IpcGuard } from './guard.js';

export function registerAuthHandlers(guard: IpcGuard, auth: AuthService): void {
  handleInvoke(guard, authIpc.register, ([request]) => auth.register(request));
  handleInvoke(guard, authIpc.login, ([request]) => auth.login(request));
  handleInvoke(guard, authIpc.logout, () => auth.logout());
  handleInvoke(guard, authIpc.session, () => auth.session());
  handleInvoke(guard, authIpc.keepsSignIn, () => auth.keepsSignIn());
  handleInvoke(guard, authIpc.requestPasswordReset, ([email]) => auth.requestPasswordReset(email));
}
