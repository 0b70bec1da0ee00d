import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiIpc, authIpc, chatIpc, eventChannels, ipcPrefix, resultSchema, serverIpc, uiIpc } from '@parley/shared/ipc';

const invokeChannels = [serverIpc, authIpc, apiIpc, chatIpc, uiIpc].flatMap((domain) => Object.values(domain).map((c) => c.channel));
const all = [...invokeChannels, ...Object.values(eventChannels)];

describe('IPC contracts', () => {
  it('every channel is ours (prefixed) and used once', () => {
    expect(all.every((channel) => channel.startsWith(ipcPrefix))).toBe(true);
    expect(new Set(all).size).toBe(all.length);
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
  });

  it('a Result schema accepts a value or a protocol error, nothing in between', () => {
    const schema = resultSchema(z.number());
    expect(schema.safeParse({ ok: true, value: 1 }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'not_found', message: 'No.' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'teapot', message: 'No.' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true }).success).toBe(false);
  });
});
