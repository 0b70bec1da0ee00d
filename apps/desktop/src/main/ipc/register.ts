import type { Services } from '../services.js';
import { registerAccountHandlers } from './account-handlers.js';
import { registerApiHandlers } from './api-handlers.js';
import { registerAuthHandlers } from './auth-handlers.js';
import { registerChatHandlers } from './chat-handlers.js';
import { registerFilesHandlers } from './files-handlers.js';
import type { IpcGuard } from './guard.js';
import { registerServerHandlers } from './server-handlers.js';
import { registerServersHandlers } from './servers-handlers.js';
import type { ServerSwitcher } from '../servers/server-switcher.js';
import { registerUiHandlers } from './ui-handlers.js';

/** Every IPC domain, one handler module each, all behind the same sender check. */
export function registerIpcHandlers(
  guard: IpcGuard,
  services: Services,
  servers: ServerSwitcher,
  openExternal: (url: string) => Promise<void>,
): void {
  // A server chosen on the first-run screen that is already signed in to behind comes forward instead.
  registerServerHandlers(guard, { server: services.server, join: (url) => servers.join(url) });
  registerServersHandlers(guard, servers);
  registerAuthHandlers(guard, services.auth);
  registerAccountHandlers(guard, services.account);
  registerApiHandlers(guard, services.api, (request) => services.unread.markedRead(request));
  registerChatHandlers(guard, services.connection);
  registerFilesHandlers(guard, { uploader: services.uploader, downloads: services.downloads, api: services.api, serverUrl: () => services.server.url });
  registerUiHandlers(guard, {
    setActiveConversation: (conversation) => {
      services.ui.activeConversation = conversation;
    },
    openExternal,
  });
}
