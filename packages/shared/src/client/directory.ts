import type { ChatGroup } from '../schemas/groups.js';
import type { UserSummary } from '../schemas/users.js';
import type { ServerEvent } from '../events/maps.js';

/** Names of people and groups, so a notification can say who wrote. Kept fresh by socket events. */
export class Directory {
  private readonly users = new Map<number, UserSummary>();
  private readonly groups = new Map<number, ChatGroup>();

  replaceUsers(users: readonly UserSummary[]): void {
    this.users.clear();
    for (const user of users) this.putUser(user);
  }

  replaceGroups(groups: readonly ChatGroup[]): void {
    this.groups.clear();
    for (const group of groups) this.putGroup(group);
  }

  putUser(user: UserSummary): void {
    this.users.set(user.user_id, { user_id: user.user_id, first_name: user.first_name, last_name: user.last_name });
  }

  putGroup(group: ChatGroup): void {
    this.groups.set(group.chat_group_id, {
      chat_group_id: group.chat_group_id,
      chat_group_name: group.chat_group_name,
      author_id: group.author_id,
    });
  }

  /** Keeps names fresh from the events that announce them. */
  learn(event: ServerEvent): void {
    if (event.event === 'user_registered' || event.event === 'user_updated') this.putUser(event.payload);
    if (event.event === 'group_created' || event.event === 'group_updated') this.putGroup(event.payload);
  }

  userName(userId: number): string | undefined {
    const user = this.users.get(userId);
    return user ? `${user.first_name} ${user.last_name}`.trim() : undefined;
  }

  firstName(userId: number): string | undefined {
    return this.users.get(userId)?.first_name;
  }

  groupName(groupId: number): string | undefined {
    return this.groups.get(groupId)?.chat_group_name;
  }

  clear(): void {
    this.users.clear();
    this.groups.clear();
  }
}
