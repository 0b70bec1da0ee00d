import type { Services } from '../services.js';
import { registerAccountHandlers } from './account-handlers.js';
import { registerApiHandlers } from './api-handlers.js';
import { registerAuthHandlers } from './auth-handlers.js';
import { registerChatHandlers } from './chat-handlers.js';
import { registerFilesHandlers } from './files-handlers.js';
import type { IpcGuard } from './guard.js';
import { registerServerHandlers } from './server-handlers.js';
import { registerUiHandlers } from './ui-handlers.js';

/** Every IPC domain, one handler module each, all behind the same sender check. */
export function registerIpcHandlers(guard: IpcGuard, services: Services, openExternal: (url: string) => Promise<void>): void {
  registerServerHandlers(guard, services.server);
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
