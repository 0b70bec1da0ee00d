import { socketEvents, socketRooms, type NotificationEvent } from '@parley/shared';
import type { ParleyServer } from '../context.js';

/**
 * The `notification` event: a conversation's unread count, sent to one user's sockets (a new
 * message for them, or their own mark-read, which their other devices learn of).
 */
export function announceUnread(io: ParleyServer, userId: number, unread: NotificationEvent): void {
  io.to(socketRooms.user(userId)).emit(socketEvents.notification, unread);
}
