import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashInputs, readStamp, staleReason, writeStamp } from '../../../scripts/web-build-stamp.mjs';

describe('whether `npm run server` must build the web client again', () => {
  it('builds when there is no build, no stamp, or a stamp of other sources; not otherwise', () => {
    expect(staleReason({ indexExists: false, stamp: 'abc', hash: 'abc' })).not.toBeNull();
    expect(staleReason({ indexExists: true, stamp: null, hash: 'abc' })).not.toBeNull();
    expect(staleReason({ indexExists: true, stamp: 'abd', hash: 'abc' })).not.toBeNull();
    expect(staleReason({ indexExists: true, stamp: 'abc', hash: 'abc' })).toBeNull();
  });

  it('the hash follows the renderer sources and the config, and nothing else', async () => {
    const root = await mkdtemp(join(tmpdir(), 'parley-stamp-'));
    const inputs = ['renderer', 'vite.web.config.ts'];
    await mkdir(join(root, 'renderer', 'src', 'features'), { recursive: true });
    await writeFile(join(root, 'renderer', 'src', 'features', 'chat.tsx'), 'export const a = 1;');
    await writeFile(join(root, 'vite.web.config.ts'), 'export default {};');
    const first = hashInputs(root, inputs);

    await writeFile(join(root, 'README.md'), 'not an input');
    expect(hashInputs(root, inputs)).toBe(first);

    await writeFile(join(root, 'renderer', 'src', 'features', 'chat.tsx'), 'export const a = 2;');
    const edited = hashInputs(root, inputs);
    expect(edited).not.toBe(first);

    await writeFile(join(root, 'vite.web.config.ts'), 'export default { base: "/" };');
    expect(hashInputs(root, inputs)).not.toBe(edited);

    // A new file changes the build even when its contents repeat another's.
    const before = hashInputs(root, inputs);
    await writeFile(join(root, 'renderer', 'src', 'features', 'chat2.tsx'), 'export const a = 2;');
    expect(hashInputs(root, inputs)).not.toBe(before);
  });

  it('a stamp written after a build is read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'parley-build-'));
    expect(readStamp(dir)).toBeNull();
    writeStamp(dir, 'f00d');
    expect(readStamp(dir)).toBe('f00d');
  });
});
