import { searchWords } from '@parley/shared';
import { openDatabase } from '../src/db/client.js';
import { firstPage } from '../src/search/search-cursor.js';
import { searchPage } from '../src/search/search.js';
import { percentile } from './stats.js';
const db = openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/cf_search_explore' });
for (const q of process.argv.slice(2)) {
  const samples: number[] = []; let n = 0; let match = '';
  for (let i = 0; i < 60; i++) { const t = performance.now(); const p = await searchPage(db, { user_id: 1, first_name: 'a', last_name: 'b' }, searchWords(q), firstPage); if (i >= 10) samples.push(performance.now() - t); n = p.results.length; match = p.match; }
  console.log(q, n, match, percentile(samples, 50).toFixed(1), percentile(samples, 95).toFixed(1));
}
await db.close();
