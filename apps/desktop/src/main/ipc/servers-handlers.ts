import { serversIpc } from '@parley/shared/ipc';
import type { ServerSwitcher } from '../servers/server-switcher.js';
import { handleInvoke, type IpcGuard } from './guard.js';

export function registerServersHandlers(guard: IpcGuard, servers: ServerSwitcher): void {
  handleInvoke(guard, serversIpc.list, () => servers.current());
  handleInvoke(guard, serversIpc.add, ([url]) => servers.add(url));
  handleInvoke(guard, serversIpc.switchTo, ([serverId, open]) => servers.switchTo(serverId, open));
  handleInvoke(guard, serversIpc.remove, ([serverId]) => servers.remove(serverId));
  handleInvoke(guard, serversIpc.opening, () => servers.takeOpening());
}
