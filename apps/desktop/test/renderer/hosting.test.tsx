import type { ServerChoice } from '@parley/shared/ipc';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { KeyringNotice } from '../../src/renderer/src/features/auth/keyring-notice';
import { NetworkSharing } from '../../src/renderer/src/features/first-run/network-sharing';
import { boot } from '../../src/renderer/src/actions/session-actions';
import { setup } from './fake-bridge';

type HostChoice = Extract<ServerChoice, { mode: 'host' }>;

const local: HostChoice = { mode: 'host', url: 'http://127.0.0.1:4100', shared: false, shareUrls: [] };
const shared: HostChoice = { ...local, shared: true, shareUrls: ['http://192.168.1.20:4100'] };

function sharingScreen(hosted: HostChoice): string {
  return renderToStaticMarkup(<NetworkSharing hosted={hosted} busy={false} onChange={() => undefined} />);
}

describe('the hosting screen', () => {
  it('offers the network as a clearly labelled choice, off by default, saying only this computer can reach it', () => {
    const html = sharingScreen(local);
    expect(html).toContain('Let colleagues on this network join');
    expect(html).toMatch(/<input type="checkbox"(?![^>]*checked)/u);
    expect(html).toContain('Only this computer can reach this server.');
    expect(html).not.toContain('Anyone on this network');
    expect(html).not.toContain('not encrypted');
    expect(html).not.toContain('192.168.1.20');
  });

  it('once shared, says who can reach it, that traffic is not encrypted, and the addresses to use', () => {
    const html = sharingScreen(shared);
    expect(html).toMatch(/<input type="checkbox"[^>]*checked/u);
    expect(html).toContain('Anyone on this network can reach this server');
    expect(html).toContain('Traffic is not encrypted');
    expect(html).toContain('http://192.168.1.20:4100');
    expect(html).not.toContain('Only this computer');
  });

  it('shared without a network address, says so instead of an empty list', () => {
    expect(sharingScreen({ ...shared, shareUrls: [] })).toContain('no network address');
  });
});

describe('without a system keyring', () => {
  it('the sign-in screen quietly says the sign-in lasts for this session only', () => {
    expect(renderToStaticMarkup(<KeyringNotice keepsSignIn />)).toBe('');
    expect(renderToStaticMarkup(<KeyringNotice keepsSignIn={false} />)).toContain('The system keyring is unavailable');
  });

  it('boot asks the bridge whether the sign-in is kept', async () => {
    const ctx = setup();
    expect(ctx.store.getState().keepsSignIn).toBe(true);
    ctx.bridge.auth.keepsSignIn = () => Promise.resolve({ ok: true, value: false });
    await boot(ctx);
    expect(ctx.store.getState().keepsSignIn).toBe(false);
  });
});
