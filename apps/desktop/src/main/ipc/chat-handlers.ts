import { chatIpc } from '@parley/shared/ipc';
import type { Connection } from '@parley/shared/client';
import { handleInvoke, type IpcGuard } from './guard.js';

export function registerChatHandlers(guard: IpcGuard, connection: Pick<Connection, 'send' | 'leaveGroup' | 'changeMessage' | 'typing'>): void {
  handleInvoke(guard, chatIpc.send, ([payload]) => connection.send(payload));
  handleInvoke(guard, chatIpc.leaveGroup, ([groupId]) => connection.leaveGroup(groupId));
  handleInvoke(guard, chatIpc.changeMessage, ([request]) => connection.changeMessage(request));
  handleInvoke(guard, chatIpc.typing, ([payload]) => connection.typing(payload));
}
