import {
  groupRoutes as routes,
  createGroupRequestSchema,
  isReachableId,
  ParleyError,
  parseOrThrow,
  renameGroupRequestSchema,
  socketEvents,
  socketRooms,
  type ChatGroup,
} from '@parley/shared';
import { Router, type Response } from 'express';
import type { AppContext } from '../context.js';
import { requireAuth, sessionOf } from '../http/auth.js';
import { pathId } from '../http/params.js';
import { reply } from '../http/reply.js';
import { changeCursorOfPage, parseHistoryQuery, readPage, type PageRequest } from '../messages/history.js';
import { toMessageState } from '../messages/message-shapes.js';
import { withCursor } from '../rooms/rooms.routes.js';
import { enterGroup } from '../presence/group-presence.js';
import { isOnline, isPresent, presentUserIds } from '../presence/presence.js';
import { markAbsent, markPresent } from './group-read-marks.queries.js';
import { enterGroupBatched } from './group-entry-batches.js';
import type { GroupEntry } from './group-entry.queries.js';
import { createGroup, findGroup, listGroups, renameGroup, type GroupRow } from './groups.queries.js';

function toChatGroup(group: GroupRow): ChatGroup {
  return { chat_group_id: group.id, chat_group_name: group.name, author_id: group.authorId };
}

const nameTaken = () => new ParleyError('conflict', 'A group with this name already exists.');
const noSuchGroup = () => new ParleyError('not_found', 'There is no such group.');

export function groupsRoutes(ctx: AppContext): Router {
  const router = Router();
  const auth = requireAuth(ctx);

  router.get(routes.list.path, auth, async (_req, res) => {
    const groups = await listGroups(ctx.db);
    reply(res, routes.list, { chat_groups: groups.map((g) => ({ ...toChatGroup(g), member_count: g.memberCount })) });
  });

  router.post(routes.create.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const input = parseOrThrow(createGroupRequestSchema, req.body);
    if (input.author_id !== undefined && input.author_id !== user.user_id) {
      throw new ParleyError('forbidden', 'author_id must be your own id.');
    }
    await ctx.rateLimits.write('groupCreate', user.user_id);
    const group = await createGroup(ctx.db, input.chat_group_name, user.user_id, ctx.clock.now());
    if (!group) throw nameTaken();
    ctx.io.in(socketRooms.user(user.user_id)).socketsJoin(socketRooms.groupMembers(group.id));
    ctx.io.emit(socketEvents.groupCreated, toChatGroup(group));
    reply(res, routes.create, toChatGroup(group));
  });

  const rename = async (res: Response, groupId: number, name: string) => {
    const { user } = sessionOf(res);
    await ctx.rateLimits.write('groupRename', user.user_id);
    const group = isReachableId(groupId) ? await findGroup(ctx.db, groupId) : null;
    if (!group) throw noSuchGroup();
    if (group.authorId !== user.user_id) throw new ParleyError('forbidden', 'Only the author of a group can rename it.');
    const renamed = await renameGroup(ctx.db, group.id, name);
    if (renamed === 'conflict') throw nameTaken();
    ctx.io.to(socketRooms.groupMembers(group.id)).emit(socketEvents.groupUpdated, toChatGroup(renamed));
    reply(res, routes.rename, toChatGroup(renamed));
  };

  router.put(routes.rename.path, auth, async (req, res) => {
    const groupId = pathId(req.params.id);
    const input = parseOrThrow(renameGroupRequestSchema, req.body);
    await rename(res, groupId, input.chat_group_name);
  });

  // The seed's form: the id travels in the body.
  router.put(routes.renameById.path, auth, async (req, res) => {
    const input = parseOrThrow(renameGroupRequestSchema, req.body);
    if (input.chat_group_id === undefined) {
      throw new ParleyError('invalid_input', 'Say which group to rename.', { fields: { chat_group_id: 'is required' } });
    }
    await rename(res, input.chat_group_id, input.chat_group_name);
  });

  router.get(routes.history.path, auth, async (req, res) => {
    const { user } = sessionOf(res);
    const groupId = pathId(req.params.id);
    const query = parseHistoryQuery(req.query);
    if (!isReachableId(groupId)) throw noSuchGroup();
    // Only a request that will announce the caller counts: paging while present is a plain read.
    const present = isPresent(ctx.io, user.user_id, groupId);
    if (!present) await ctx.rateLimits.write('groupPresence', user.user_id);
    const entering = !present && isOnline(ctx.io, user.user_id);
    const enter = (page: PageRequest) => enterGroupBatched(ctx, { groupId, userId: user.user_id, now: ctx.clock.now(), present: entering, page });
    // The group, the membership and the page are one statement; a page that needs no rows
    // (`after` beyond any id) still enters, with an empty page.
    let entry: GroupEntry | null | undefined;
    const page = await readPage(query, async (request) => {
      entry = await enter(request);
      return entry?.messages ?? [];
    });
    if (entry === undefined) entry = await enter({ bound: null, order: 'desc', limit: 0 });
    if (!entry) throw noSuchGroup();
    const { group } = entry;
    if (entry.joined) ctx.io.in(socketRooms.user(user.user_id)).socketsJoin(socketRooms.groupMembers(group.id));
    // Decided again after the write, from the adapter in this tick: a socket may have opened or
    // the last one closed meanwhile, and the read marks follow what is announced.
    const entered = enterGroup(ctx.io, user, group.id);
    if (entered && !entering) await markPresent(ctx.db, group.id, user.user_id);
    else if (entering && !entered && !isPresent(ctx.io, user.user_id, group.id)) await markAbsent(ctx.db, [group.id], user.user_id);
    // Read after every await above, so the list holds whoever is present as the answer leaves;
    // a caller whose sockets are on another node is joined there, and is listed already.
    const listed = presentUserIds(ctx.io, group.id);
    const presentIds = entered && !listed.includes(user.user_id) ? [...listed, user.user_id].sort((a, b) => a - b) : listed;
    reply(res, routes.history, {
      ...toChatGroup(group),
      present_user_ids: presentIds,
      messages: page.items.map(toMessageState),
      has_more: page.hasMore,
      ...withCursor(changeCursorOfPage(query, page, entry.changeCursor)),
      ...(page.hasMoreAfter === undefined ? {} : { has_more_after: page.hasMoreAfter }),
    });
  });

  return router;
}
