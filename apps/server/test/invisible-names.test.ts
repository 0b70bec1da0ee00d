import type { ChatGroup } from '@parley/shared';
import { describe, expect, it } from 'vitest';
import { call, signUp, uniqueEmail } from './support/http.js';
import { useServer } from './support/server.js';

const server = useServer();

/** Names that would look like "Ada Lovelace" (or close to it) on screen. */
const invisibleNames = [
  'Ada\u200BLovelace',
  'Ada\u202Eecalevol',
  'Ada\u2066Lovelace',
  'Ada\u00ADLovelace',
  'Ada\u2028Lovelace',
  'Ada\uFEFFLovelace',
  'Ada\u0007',
  'Ada\u3164',
];
const reason = /must not contain control or invisible characters/;

function fieldsOf(body: unknown): Record<string, string> {
  return (body as { error: { fields: Record<string, string> } }).error.fields;
}

describe('names may hold no control or invisible characters', () => {
  it('registration refuses them with the field that holds one', async () => {
    for (const name of invisibleNames) {
      const reply = await call(server(), 'POST', '/register', {
        body: { email: uniqueEmail(), password: 'long enough', first_name: 'Ada', last_name: name },
      });
      expect(reply.status, JSON.stringify(name)).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'invalid_input' } });
      expect(fieldsOf(reply.body).last_name).toMatch(reason);
    }
  });

  it('a group cannot be created or renamed with one', async () => {
    const ada = await signUp(server());
    for (const name of invisibleNames) {
      const created = await call(server(), 'POST', '/chat_groups', { token: ada.token, body: { chat_group_name: name } });
      expect(created.status, JSON.stringify(name)).toBe(400);
      expect(fieldsOf(created.body).chat_group_name).toMatch(reason);
    }
    const group = await call<ChatGroup>(server(), 'POST', '/chat_groups', {
      token: ada.token,
      body: { chat_group_name: `  Visible ${Date.now()}  ` },
    });
    expect(group.status).toBe(201);
    expect(group.body.chat_group_name).toMatch(/^Visible \d+$/);
    for (const name of invisibleNames) {
      const renamed = await call(server(), 'PUT', `/chat_groups/${group.body.chat_group_id}`, {
        token: ada.token,
        body: { chat_group_name: name },
      });
      expect(renamed.status, JSON.stringify(name)).toBe(400);
      expect(fieldsOf(renamed.body).chat_group_name).toMatch(reason);
    }
    const seedRename = await call(server(), 'PUT', '/chat_groups', {
      token: ada.token,
      body: { chat_group_id: group.body.chat_group_id, chat_group_name: 'Team\u200B' },
    });
    expect(seedRename.status).toBe(400);
  });
});
