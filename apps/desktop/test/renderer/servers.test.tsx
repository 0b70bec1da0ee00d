import type { ServerSummary } from '@parley/shared/ipc';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { boot } from '../../src/renderer/src/actions/session-actions';
import { addServer, removeServer } from '../../src/renderer/src/actions/server-list-actions';
import { serverShortcutOf } from '../../src/renderer/src/features/keyboard/shortcuts';
import { serverBadgeOf, serverTileName } from '../../src/renderer/src/features/servers/server-badge';
import { ServerTiles } from '../../src/renderer/src/features/servers/server-tiles';
import { showsServerRail } from '../../src/renderer/src/stores/servers-slice';
import { alice, setup } from './fake-bridge';

const summary = (id: string, change: Partial<ServerSummary> = {}): ServerSummary => ({
  id,
  label: new URL(id).host,
  url: id,
  unread: 0,
  connection: 'connected',
  active: false,
  hosted: false,
  ...change,
});

const a = summary('https://chat.acme.com', { active: true, unread: 1 });
const b = summary('https://team.example.org:8443', { unread: 3 });
const c = summary('http://192.168.1.20:4100', { connection: 'signed_out' });

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  shiftKey: false,
  ...mods,
});

describe('the server switcher', () => {
  it('names each tile by its server, its unread count and whether it is signed in', () => {
    expect([serverBadgeOf('chat.acme.com'), serverBadgeOf('team.example.org:8443'), serverBadgeOf('192.168.1.20:4100')]).toEqual(['Ac', 'Te', '20']);
    expect(serverTileName(b)).toBe('team.example.org:8443, 3 unread');
    expect(serverTileName(c)).toBe('192.168.1.20:4100, not signed in');
  });

  it('shows only once there is a server besides the one on screen', () => {
    expect(showsServerRail({ servers: [] })).toBe(false);
    expect(showsServerRail({ servers: [a] })).toBe(false);
    expect(showsServerRail({ servers: [a, b] })).toBe(true);
  });

  it('marks the server on screen and counts the others’ unread messages on their tiles', () => {
    const html = renderToStaticMarkup(<ServerTiles servers={[a, b, c]} onSwitch={() => undefined} onManage={() => undefined} />);
    expect(html).toMatch(/aria-current="page" aria-label="chat\.acme\.com, 1 unread"/u);
    expect(html).toMatch(/aria-label="team\.example\.org:8443, 3 unread"[^>]*>.*?<span aria-hidden="true" class="server-tile-unread">3<\/span>/u);
    // The server on screen shows its unread messages in its own sidebar, not on its tile.
    expect(html).not.toContain('class="server-tile-unread">1<');
    expect(html.match(/class="server-tile-off"/gu)).toHaveLength(1);
    expect(html).toContain('aria-label="Add or remove servers"');
  });

  it('Ctrl/Cmd+1…9 pick a server; other keys and modifiers do not', () => {
    expect(serverShortcutOf(press('2', { ctrlKey: true }))).toBe(1);
    expect(serverShortcutOf(press('9', { metaKey: true }))).toBe(8);
    expect(serverShortcutOf(press('0', { ctrlKey: true }))).toBeNull();
    expect(serverShortcutOf(press('2'))).toBeNull();
    expect(serverShortcutOf(press('2', { ctrlKey: true, shiftKey: true }))).toBeNull();
    expect(serverShortcutOf(press('2', { ctrlKey: true, altKey: true }))).toBeNull();
  });

  it('boot loads the servers and opens what a switch asked for on this one', async () => {
    const ctx = setup();
    ctx.bridge.server.current = () => Promise.resolve({ ok: true, value: { mode: 'remote', url: a.url } });
    ctx.bridge.auth.session = () => Promise.resolve({ ok: true, value: { ...alice, email: 'alice@acme.com' } });
    ctx.bridge.servers.list = () => Promise.resolve({ ok: true, value: [a, b] });
    ctx.bridge.servers.opening = () => Promise.resolve({ ok: true, value: { kind: 'room', userId: 2 } });
    await boot(ctx);
    expect(ctx.store.getState().servers.map((s) => s.id)).toEqual([a.id, b.id]);
    expect(ctx.store.getState().active).toBe('user:2');
  });

  it('a server that cannot be added says why, and the list stays', async () => {
    const ctx = setup();
    ctx.store.getState().setServers([a]);
    ctx.bridge.servers.add = () => Promise.resolve({ ok: false, error: { code: 'unavailable', message: 'No Parley server answers at that address.' } });
    expect(await addServer(ctx, ' https://nowhere.example ')).toEqual({ code: 'unavailable', message: 'No Parley server answers at that address.' });
    expect(ctx.store.getState().servers).toEqual([a]);
  });

  it('removing a server shows the list the main process answers with', async () => {
    const ctx = setup();
    ctx.store.getState().setServers([a, b]);
    ctx.bridge.servers.remove = (id) => Promise.resolve({ ok: true, value: [a, b].filter((s) => s.id !== id) });
    expect(await removeServer(ctx, b.id)).toBeNull();
    expect(ctx.store.getState().servers).toEqual([a]);
  });
});
