import { beforeEach, describe, expect, it } from 'vitest';
import type { ConversationRef } from '@parley/shared';
import { deepLinkInArgv, linkServerOf, parseDeepLink } from '../../src/main/deep-links/deep-link.js';
import { followDeepLink, type DeepLinkTargets } from '../../src/main/deep-links/deep-link-router.js';
import { LinkInbox } from '../../src/main/deep-links/link-inbox.js';
import { registerProtocolClient } from '../../src/main/deep-links/protocol-client.js';

describe('parsing parley:// links', () => {
  it('reads rooms, groups and join links, the server as host and port', () => {
    expect(parseDeepLink('parley://chat.example.com/room/12')).toEqual({ kind: 'room', server: 'chat.example.com', roomId: 12 });
    expect(parseDeepLink('parley://Chat.Example.com:8443/group/7/')).toEqual({ kind: 'group', server: 'chat.example.com:8443', groupId: 7 });
    expect(parseDeepLink('parley://chat.example.com/join')).toEqual({ kind: 'join', server: 'chat.example.com', serverUrl: 'https://chat.example.com' });
    expect(parseDeepLink('parley://192.168.1.20:3000/join?tls=off')).toEqual({ kind: 'join', server: '192.168.1.20:3000', serverUrl: 'http://192.168.1.20:3000' });
  });

  it.each([
    ['another scheme', 'https://chat.example.com/room/12'],
    ['a javascript link', 'javascript:alert(1)'],
    ['no server', 'parley:///room/12'],
    ['user info', 'parley://eve@chat.example.com/room/12'],
    ['an unknown path', 'parley://chat.example.com/settings'],
    ['a path beyond the id', 'parley://chat.example.com/room/12/extra'],
    ['a zero id', 'parley://chat.example.com/room/0'],
    ['a negative id', 'parley://chat.example.com/group/-3'],
    ['a non-numeric id', 'parley://chat.example.com/group/abc'],
    ['a huge id', 'parley://chat.example.com/group/12345678901234567890'],
    ['a query on a conversation link', 'parley://chat.example.com/room/12?next=https://evil.example'],
    ['another tls setting', 'parley://chat.example.com/join?tls=maybe'],
    ['a port out of range', 'parley://chat.example.com:99999/join'],
    ['not text', 42],
    ['nothing', undefined],
    ['something very long', `parley://chat.example.com/room/1${'1'.repeat(3000)}`],
  ])('ignores %s', (_why, input) => {
    expect(parseDeepLink(input)).toBeNull();
  });

  it('finds the link in a launch’s arguments (Windows and Linux)', () => {
    expect(deepLinkInArgv(['/opt/Parley/parley', '--no-sandbox', 'parley://chat.example.com/group/3'])).toBe('parley://chat.example.com/group/3');
    expect(deepLinkInArgv(['/opt/Parley/parley', '--hidden'])).toBeNull();
  });

  it('names a server by the host and port of its URL', () => {
    expect(linkServerOf('http://127.0.0.1:3917')).toBe('127.0.0.1:3917');
    expect(linkServerOf('https://chat.example.com/')).toBe('chat.example.com');
    expect(linkServerOf('not a url')).toBeNull();
  });
});

describe('following a link', () => {
  let opened: ConversationRef[];
  let joined: string[];
  let log: string[];
  let rooms: Map<number, number>;
  let current: string | null;
  let signedIn: boolean;
  let reveals: number;
  let roomFetches: number;
  let shownBehind: ConversationRef[];
  const targets = (): DeepLinkTargets => ({
    currentServer: () => current,
    signedIn: () => signedIn,
    userOfRoom: (id) => rooms.get(id),
    learnRooms: () => {
      roomFetches++;
      return Promise.resolve();
    },
    openConversation: (c) => opened.push(c),
    joinServer: (url) => {
      joined.push(url);
      return Promise.resolve();
    },
    serverBehind: (server) =>
      server === 'team.example.org:8443'
        ? {
            userOfRoom: (id) => Promise.resolve(id === 40 ? 9 : undefined),
            show: (conversation) => {
              shownBehind.push(conversation);
              return Promise.resolve();
            },
          }
        : null,
    reveal: () => reveals++,
    log: (line) => log.push(line),
  });
  beforeEach(() => {
    opened = [];
    joined = [];
    log = [];
    rooms = new Map([[12, 5]]);
    current = 'https://chat.example.com';
    signedIn = true;
    reveals = 0;
    roomFetches = 0;
    shownBehind = [];
  });

  it('opens a group or a known room on this server, by validated ids', async () => {
    expect(await followDeepLink('parley://chat.example.com/group/7', targets())).toEqual({ done: 'opened', conversation: { kind: 'group', groupId: 7 } });
    expect(await followDeepLink('parley://chat.example.com/room/12', targets())).toEqual({ done: 'opened', conversation: { kind: 'room', userId: 5 } });
    expect(opened).toEqual([{ kind: 'group', groupId: 7 }, { kind: 'room', userId: 5 }]);
    expect(reveals).toBe(2);
  });

  it('asks for the room list once before giving up on a room it does not know', async () => {
    const outcome = await followDeepLink('parley://chat.example.com/room/99', targets());
    expect(outcome).toEqual({ done: 'ignored', reason: 'a room this account is not in' });
    expect(roomFetches).toBe(1);
    expect(opened).toEqual([]);
  });

  it('ignores links to another server, garbage, and conversation links while signed out', async () => {
    expect((await followDeepLink('parley://other.example.com/group/7', targets())).done).toBe('ignored');
    expect((await followDeepLink('parley://chat.example.com/../../etc/passwd', targets())).done).toBe('ignored');
    signedIn = false;
    expect((await followDeepLink('parley://chat.example.com/group/7', targets())).done).toBe('ignored');
    expect(opened).toEqual([]);
    expect(log).toHaveLength(3);
  });

  it('a join link shows the window for the server in use, and joins a first server or one more', async () => {
    expect(await followDeepLink('parley://chat.example.com/join', targets())).toEqual({ done: 'shown' });
    expect(await followDeepLink('parley://elsewhere.example.com/join', targets())).toEqual({ done: 'joined', serverUrl: 'https://elsewhere.example.com' });
    current = null;
    expect(await followDeepLink('parley://first.example.com/join', targets())).toEqual({ done: 'joined', serverUrl: 'https://first.example.com' });
    expect(joined).toEqual(['https://elsewhere.example.com', 'https://first.example.com']);
  });

  it('a conversation link to a server signed in to behind the window brings that server forward', async () => {
    expect(await followDeepLink('parley://team.example.org:8443/group/3', targets())).toEqual({ done: 'opened', conversation: { kind: 'group', groupId: 3 } });
    expect(await followDeepLink('parley://team.example.org:8443/room/40', targets())).toEqual({ done: 'opened', conversation: { kind: 'room', userId: 9 } });
    expect(await followDeepLink('parley://team.example.org:8443/room/41', targets())).toEqual({ done: 'ignored', reason: 'a room this account is not in' });
    expect(await followDeepLink('parley://team.example.org/group/3', targets())).toEqual({ done: 'ignored', reason: 'a link to a server this app is not signed in to' });
    expect(shownBehind).toEqual([{ kind: 'group', groupId: 3 }, { kind: 'room', userId: 9 }]);
    // Nothing of it reached the window's own server.
    expect(opened).toEqual([]);
  });
});

describe('arriving links', () => {
  it('links that come before the app is ready wait, a few at most, then are followed in order', () => {
    const inbox = new LinkInbox(2);
    const followed: string[] = [];
    inbox.push('parley://a/group/1');
    inbox.push('parley://a/group/2');
    inbox.push('parley://a/group/3');
    inbox.open((link) => followed.push(link));
    inbox.push('parley://a/group/4');
    expect(followed).toEqual(['parley://a/group/1', 'parley://a/group/2', 'parley://a/group/4']);
  });

  it('registers the scheme for the packaged app, and for the app folder in development', () => {
    const calls: unknown[][] = [];
    const app = {
      setAsDefaultProtocolClient: (...args: unknown[]) => {
        calls.push(args);
        return true;
      },
    };
    registerProtocolClient(app, { defaultApp: false, execPath: '/opt/Parley/parley', argv: ['/opt/Parley/parley'] });
    registerProtocolClient(app, { defaultApp: true, execPath: '/usr/bin/electron', argv: ['/usr/bin/electron', '/home/me/parley/apps/desktop'] });
    expect(calls).toEqual([['parley'], ['parley', '/usr/bin/electron', ['/home/me/parley/apps/desktop']]]);
  });
});
