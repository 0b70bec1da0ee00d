import { serverIpc, type Result, type ServerChoice } from '@parley/shared/ipc';
import type { ServerService } from '../session/server-service.js';
import { handleInvoke, type IpcGuard } from './guard.js';

export function registerServerHandlers(
  guard: IpcGuard,
  { server, join }: { server: ServerService; join: (url: string) => Promise<Result<ServerChoice>> },
): void {
  handleInvoke(guard, serverIpc.current, () => server.current());
  handleInvoke(guard, serverIpc.join, ([url]) => join(url));
  handleInvoke(guard, serverIpc.host, () => server.host());
  handleInvoke(guard, serverIpc.setSharing, ([share]) => server.setSharing(share));
  handleInvoke(guard, serverIpc.outbox, () => server.outbox());
  handleInvoke(guard, serverIpc.forget, () => server.forget());
}
