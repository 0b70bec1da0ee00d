import type { ConversationAddress, MessageEvent, NotificationsResponse, ServerEvent } from '@parley/shared';
import { decideNotification, type Directory, type NotificationRequest, type NotifyContext, type ParleyApi, type RoomLinkMap } from '@parley/shared/client';
import { mentionsUser, type ConversationKey } from '@parley/shared';
import { countsFromResponse, mentionsFromResponse, totalUnread, trayView, unreadKey, withCount, type TrayView, type UnreadCounts } from './unread-state.js';

export interface UnreadCenterDeps {
  directory: Directory;
  /** Which person each room is with, so counts are kept under the one conversation key. */
  rooms: RoomLinkMap;
  /** Where the derived tray icon, tooltip and badge go. */
  render: (view: TrayView) => void;
  /** Where notification requests go (the coalescer). */
  notify: (request: NotificationRequest) => void;
  /** Forgets held notifications of a conversation that was read. */
  forget: (key: NotificationRequest['key']) => void;
  context: () => Omit<NotifyContext, 'directory'>;
}

/** Unread state of the signed-in user, fed by REST and socket events, rendered to tray and badge. */
export class UnreadCenter {
  private counts: UnreadCounts = new Map();
  private mentions: UnreadCounts = new Map();

  constructor(private readonly deps: UnreadCenterDeps) {}

  get total(): number {
    return totalUnread(this.counts);
  }

  /** The full list, from `GET /notifications` at sign-in and on every resync (rooms learned first). */
  replace(response: NotificationsResponse): void {
    this.counts = countsFromResponse(response, this.deps.rooms);
    this.mentions = mentionsFromResponse(response, this.deps.rooms);
    this.render();
  }

  markedRead(address: ConversationAddress): void {
    const key = unreadKey(address, this.deps.rooms);
    if (!key) return;
    this.counts = withCount(this.counts, key, 0);
    this.mentions = withCount(this.mentions, key, 0);
    this.deps.forget(key);
    this.render();
  }

  handle(event: ServerEvent): void {
    switch (event.event) {
      case 'notification': {
        // A room's `notification` follows its `message`, which taught us whose room it is.
        const key = unreadKey(event.payload, this.deps.rooms);
        if (!key) return;
        this.counts = withCount(this.counts, key, event.payload.unread_count);
        if (event.payload.unread_count === 0) this.mentions = withCount(this.mentions, key, 0);
        this.render();
        return;
      }
      case 'message':
        this.onMessage(event.payload);
        return;
      default:
        this.deps.directory.learn(event);
        return;
    }
  }

  reset(): void {
    this.counts = new Map();
    this.mentions = new Map();
    this.deps.directory.clear();
    this.deps.rooms.clear();
    this.render();
  }

  private onMessage(event: MessageEvent): void {
    const context = this.deps.context();
    this.deps.rooms.learnMessage(event, context.selfUserId);
    const request = decideNotification(event, { ...context, directory: this.deps.directory });
    if (request) this.deps.notify(request);
    // Counted like the unread count it is part of: not while the user looks at it (no request then).
    if (request && event.chat_type !== 'bot' && mentionsUser(event.message, context.selfUserId)) this.addMention(request.key);
  }

  private addMention(key: ConversationKey): void {
    this.mentions = withCount(this.mentions, key, (this.mentions.get(key) ?? 0) + 1);
    this.render();
  }

  private render(): void {
    let mentions = 0;
    for (const [key, count] of this.mentions) if (this.counts.has(key)) mentions += count;
    this.deps.render(trayView(this.total, mentions));
  }
}

/** Loads names, rooms and counts after sign-in or a resync; a failed call leaves the old ones in place. */
export async function refreshUnread(
  center: UnreadCenter,
  known: { directory: Directory; rooms: RoomLinkMap },
  api: Pick<ParleyApi, 'notifications' | 'users' | 'chatGroups' | 'chatRooms'>,
): Promise<void> {
  const [notifications, users, groups, rooms] = await Promise.all([api.notifications(), api.users(), api.chatGroups(), api.chatRooms()]);
  if (users.ok) known.directory.replaceUsers(users.value.users);
  if (groups.ok) known.directory.replaceGroups(groups.value.chat_groups);
  if (rooms.ok) known.rooms.learnRooms(rooms.value.chat_rooms);
  if (notifications.ok) center.replace(notifications.value);
}
