import { sql } from 'drizzle-orm';
import { openDatabase } from '../src/db/client.js';
import { migrateDatabase } from '../src/db/migrate.js';
import { parseSettings } from '../src/env.js';
import { insertMessageBatch } from '../src/messages/message-batch.queries.js';
import { insertRoomMessage } from './old-rooms.queries.js';

const db = openDatabase({ kind: 'pglite', dataDir: null });
await migrateDatabase(db, parseSettings({}).migrationsDir);
await db.rows(sql`insert into users (email, password_hash, first_name, last_name, created_at) values ('a@x', 'x', 'a', 'b', now()), ('b@x', 'x', 'a', 'b', now())`);
const [u] = await db.rows<{ a: number; b: number }>(sql`select min(id)::int as a, max(id)::int as b from users`);
const [r] = await db.rows<{ id: number }>(sql`insert into chat_rooms (user_low, user_high, created_at) values (${u!.a}, ${u!.b}, now()) returning id::int`);
for (let round = 0; round < 3; round++) {
  let t = performance.now();
  for (let i = 0; i < 200; i++) await insertMessageBatch(db, [{ roomId: r!.id, groupId: null, senderId: u!.a, body: 'x', clientId: null, createdAt: new Date() }]);
  const a = (performance.now() - t) / 200;
  t = performance.now();
  for (let i = 0; i < 200; i++) await insertRoomMessage(db, { roomId: r!.id, senderId: u!.a, receiverId: u!.b, body: 'x', clientId: null, now: new Date() });
  const b = (performance.now() - t) / 200;
  console.log(`new batch of 1: ${a.toFixed(2)} ms; old statement: ${b.toFixed(2)} ms`);
}
await db.close();
