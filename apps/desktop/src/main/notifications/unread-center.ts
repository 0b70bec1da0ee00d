import type { MarkReadRequest, MessageEvent, NotificationsResponse } from '@parley/shared';
import type { Result, ServerEvent } from '@parley/shared/ipc';
import type { NotificationRequest, NotifyContext } from './decide.js';
import { decideNotification } from './decide.js';
import type { Directory } from './directory.js';
import { countsFromResponse, totalUnread, trayView, unreadKey, withCount, type TrayView, type UnreadCounts } from './unread-state.js';

export interface UnreadCenterDeps {
  directory: Directory;
  /** Where the derived tray icon, tooltip and badge go. */
  render: (view: TrayView) => void;
  /** Where notification requests go (the coalescer). */
  notify: (request: NotificationRequest) => void;
  /** Forgets held notifications of a conversation that was read. */
  forget: (key: string) => void;
  context: () => Omit<NotifyContext, 'directory'>;
}

/** Unread state of the signed-in user, fed by REST and socket events, rendered to tray and badge. */
export class UnreadCenter {
  private counts: UnreadCounts = new Map();

  constructor(private readonly deps: UnreadCenterDeps) {}

  get total(): number {
    return totalUnread(this.counts);
  }

  /** The full list, from `GET /notifications` at sign-in and on every resync. */
  replace(response: NotificationsResponse): void {
    this.counts = countsFromResponse(response);
    this.render();
  }

  markedRead(request: MarkReadRequest): void {
    this.counts = withCount(this.counts, { ...request, unread_count: 0 });
    this.deps.forget(unreadKey(request));
    this.render();
  }

  handle(event: ServerEvent): void {
    switch (event.event) {
      case 'notification':
        this.counts = withCount(this.counts, event.payload);
        this.render();
        return;
      case 'message':
        this.onMessage(event.payload);
        return;
      case 'user_registered':
        this.deps.directory.putUser(event.payload);
        return;
      case 'group_created':
      case 'group_updated':
        this.deps.directory.putGroup(event.payload);
        return;
      default:
        return;
    }
  }

  reset(): void {
    this.counts = new Map();
    this.deps.directory.clear();
    this.render();
  }

  private onMessage(event: MessageEvent): void {
    const request = decideNotification(event, { ...this.deps.context(), directory: this.deps.directory });
    if (request) this.deps.notify(request);
  }

  private render(): void {
    this.deps.render(trayView(this.total));
  }
}

/** Loads names and counts after sign-in or a resync; a failed call leaves the old ones in place. */
export async function refreshUnread(
  center: UnreadCenter,
  directory: Directory,
  api: {
    notifications: () => Promise<Result<NotificationsResponse>>;
    users: () => Promise<Result<{ users: { user_id: number; first_name: string; last_name: string }[] }>>;
    chatGroups: () => Promise<Result<{ chat_groups: { chat_group_id: number; chat_group_name: string; author_id: number }[] }>>;
  },
): Promise<void> {
  const [notifications, users, groups] = await Promise.all([api.notifications(), api.users(), api.chatGroups()]);
  if (users.ok) directory.replaceUsers(users.value.users);
  if (groups.ok) directory.replaceGroups(groups.value.chat_groups);
  if (notifications.ok) center.replace(notifications.value);
}
