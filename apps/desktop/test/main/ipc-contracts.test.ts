import { describe, expect, it } from 'vitest';
import { apiIpc, authIpc, chatIpc, eventChannels, ipcPrefix, serverIpc, serversIpc, uiIpc } from '@parley/shared/ipc';

const invokeChannels = [serverIpc, serversIpc, authIpc, apiIpc, chatIpc, uiIpc].flatMap((domain) => Object.values(domain).map((c) => c.channel));
const all = [...invokeChannels, ...Object.values(eventChannels)];

describe('IPC contracts', () => {
  it('every channel is ours (prefixed) and used once', () => {
    expect(all.every((channel) => channel.startsWith(ipcPrefix))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('each channel is named after the bridge method it carries', () => {
    expect([apiIpc.markRead.channel, authIpc.keepsSignIn.channel, uiIpc.setActiveConversation.channel]).toEqual([
      'parley:api:mark-read',
      'parley:auth:keeps-sign-in',
      'parley:ui:set-active-conversation',
    ]);
  });

  it('a history page takes until or after, positive integers, nothing else', () => {
    const page = apiIpc.chatRoom.args;
    expect(page.safeParse([1, { until: 5 }]).success).toBe(true);
    expect(page.safeParse([1, {}]).success).toBe(true);
    expect(page.safeParse([1, { until: 0 }]).success).toBe(false);
    expect(page.safeParse([1, { after: '5' }]).success).toBe(false);
  });

  it('a server URL must be http(s) without credentials', () => {
    const join = serverIpc.join.args;
    expect(join.safeParse(['https://chat.example.com']).success).toBe(true);
    expect(join.safeParse(['  http://192.168.1.20:4100/  ']).success).toBe(true);
    expect(join.safeParse(['file:///etc']).success).toBe(false);
    expect(join.safeParse(['https://a:b@chat.example.com']).success).toBe(false);
    expect(serversIpc.add.args.safeParse(['javascript:alert(1)']).success).toBe(false);
  });

  it('a switch names a server and, or null, a conversation to open there', () => {
    const switchTo = serversIpc.switchTo.args;
    expect(switchTo.safeParse(['https://chat.example.com', null]).success).toBe(true);
    expect(switchTo.safeParse(['https://chat.example.com', { kind: 'group', groupId: 3 }]).success).toBe(true);
    expect(switchTo.safeParse(['https://chat.example.com']).success).toBe(false);
    expect(switchTo.safeParse(['', null]).success).toBe(false);
    expect(switchTo.safeParse(['https://chat.example.com', { kind: 'group', groupId: -1 }]).success).toBe(false);
  });

});
