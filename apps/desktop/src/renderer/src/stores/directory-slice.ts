import type {
  ChatGroup,
  ChatGroupSummary,
  ChatRoomSummary,
  GroupPresenceChange,
  PresenceChange,
  RoomLinks,
  UserWithPresence,
} from '@parley/shared';
import type { StateCreator } from 'zustand';
import type { AppState } from './app-store';

export interface DirectorySlice {
  users: Record<number, UserWithPresence>;
  groups: Record<number, ChatGroupSummary>;
  /** DM rooms, both ways: rooms are keyed by the other person in the UI. */
  roomByUser: Record<number, number>;
  userByRoom: Record<number, number>;
  /** Whom each room send still awaiting its acknowledgement went to, by `client_id`. */
  recipientByClientId: Record<string, number>;
  /** Latest message time per person, for "most recent activity first". */
  lastActivityByUser: Record<number, string>;
  /** Who is present in each group, from the group's page and `group_presence` events. */
  presentByGroup: Record<number, number[]>;

  setUsers: (users: UserWithPresence[]) => void;
  upsertUser: (user: UserWithPresence) => void;
  /** Applies one `presence` event's changes (one, or a coalesced batch) in one update. */
  setOnline: (changes: PresenceChange[]) => void;
  setGroups: (groups: ChatGroupSummary[]) => void;
  upsertGroup: (group: ChatGroup) => void;
  setRooms: (rooms: ChatRoomSummary[]) => void;
  linkRoom: (roomId: number, userId: number) => void;
  /** A room send left (recipient) or was acknowledged (null). */
  setRecipient: (clientId: string, userId: number | null) => void;
  touchUser: (userId: number, timestamp: string) => void;
  setPresent: (groupId: number, userIds: number[]) => void;
  setPresence: (groupId: number, changes: Pick<GroupPresenceChange, 'user_id' | 'present'>[]) => void;
}

export const createDirectorySlice: StateCreator<AppState, [], [], DirectorySlice> = (set) => ({
  users: {},
  groups: {},
  roomByUser: {},
  userByRoom: {},
  recipientByClientId: {},
  lastActivityByUser: {},
  presentByGroup: {},

  setUsers: (users) => set({ users: Object.fromEntries(users.map((u) => [u.user_id, u])) }),
  upsertUser: (user) => set((s) => ({ users: { ...s.users, [user.user_id]: { ...s.users[user.user_id], ...user } } })),
  setOnline: (changes) =>
    set((s) => {
      let users = s.users;
      for (const { user_id: userId, online } of changes) {
        const user = users[userId];
        if (!user || user.online === online) continue;
        if (users === s.users) users = { ...s.users };
        users[userId] = { ...user, online };
      }
      return users === s.users ? s : { users };
    }),
  setGroups: (groups) => set({ groups: Object.fromEntries(groups.map((g) => [g.chat_group_id, g])) }),
  upsertGroup: (group) =>
    set((s) => ({
      groups: {
        ...s.groups,
        [group.chat_group_id]: { member_count: s.groups[group.chat_group_id]?.member_count ?? 0, ...s.groups[group.chat_group_id], ...group },
      },
    })),
  setRooms: (rooms) =>
    set((s) => {
      const roomByUser = { ...s.roomByUser };
      const userByRoom = { ...s.userByRoom };
      const lastActivityByUser = { ...s.lastActivityByUser };
      for (const room of rooms) {
        const userId = room.other_user.user_id;
        roomByUser[userId] = room.chat_room_id;
        userByRoom[room.chat_room_id] = userId;
        const at = room.last_message?.timestamp;
        if (at && (lastActivityByUser[userId] ?? '') < at) lastActivityByUser[userId] = at;
      }
      return { roomByUser, userByRoom, lastActivityByUser };
    }),
  linkRoom: (roomId, userId) =>
    set((s) =>
      s.roomByUser[userId] === roomId
        ? s
        : { roomByUser: { ...s.roomByUser, [userId]: roomId }, userByRoom: { ...s.userByRoom, [roomId]: userId } },
    ),
  setRecipient: (clientId, userId) =>
    set((s) => {
      const { [clientId]: _done, ...rest } = s.recipientByClientId;
      return { recipientByClientId: userId === null ? rest : { ...rest, [clientId]: userId } };
    }),
  touchUser: (userId, timestamp) =>
    set((s) =>
      (s.lastActivityByUser[userId] ?? '') >= timestamp ? s : { lastActivityByUser: { ...s.lastActivityByUser, [userId]: timestamp } },
    ),
  setPresent: (groupId, userIds) => set((s) => ({ presentByGroup: { ...s.presentByGroup, [groupId]: [...new Set(userIds)] } })),
  setPresence: (groupId, changes) =>
    set((s) => {
      const current = s.presentByGroup[groupId] ?? [];
      const present = new Set(current);
      for (const change of changes) {
        if (change.present) present.add(change.user_id);
        else present.delete(change.user_id);
      }
      const unchanged = present.size === current.length && current.every((id) => present.has(id));
      return unchanged ? s : { presentByGroup: { ...s.presentByGroup, [groupId]: [...present] } };
    }),
});

/** The store's rooms as the shared codec reads them, to place a message or a count. */
export function roomLinksOf(state: Pick<DirectorySlice, 'userByRoom' | 'recipientByClientId'>): RoomLinks {
  return {
    userOfRoom: (roomId) => state.userByRoom[roomId],
    recipientOf: (clientId) => state.recipientByClientId[clientId],
  };
}
