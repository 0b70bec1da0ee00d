import type { UploadProgress } from '@parley/shared/ipc';
import { describe, expect, it } from 'vitest';
import { createUploader } from '../../src/main/files/uploader.js';

const attachment = { file_id: 'AAAAAAAAAAAAAAAAAAAAAA', name: 'a.bin', type: 'application/octet-stream', size: 600_000 };

function setup(answer: (body: string, init: RequestInit) => Response | Promise<Response>) {
  const progress: UploadProgress[] = [];
  const requests: { url: string; init: RequestInit; body: string }[] = [];
  let unauthorized = 0;
  const uploader = createUploader({
    fetch: (async (url: URL, init: RequestInit) => {
      const body = await new Response(init.body as ReadableStream).text();
      requests.push({ url: String(url), init, body });
      return answer(body, init);
    }) as typeof fetch,
    baseUrl: () => 'http://chat.example:3000',
    token: () => 'tok',
    onProgress: (p) => progress.push(p),
    onUnauthorized: () => void unauthorized++,
  });
  return { uploader, progress, requests, unauthorized: () => unauthorized };
}

const request = (bytes = new Uint8Array(600_000)) => ({ uploadId: 'u1', target: { otherUserId: 7 }, name: 'a.bin', type: 'application/octet-stream', bytes });

describe('desktop uploads', () => {
  it('sends one multipart file with the token to the conversation, reporting progress up to the whole file', async () => {
    const { uploader, progress, requests } = setup(() => Response.json({ file: attachment }, { status: 201 }));
    expect(await uploader.upload(request())).toEqual({ ok: true, value: attachment });
    expect(requests[0]!.url).toBe('http://chat.example:3000/files?other_user_id=7');
    expect((requests[0]!.init.headers as Record<string, string>).authentication).toBe('tok');
    expect(requests[0]!.body).toContain('name="file"; filename="a.bin"');
    expect(progress.length).toBeGreaterThan(2);
    expect(progress.at(-1)).toEqual({ uploadId: 'u1', sent: 600_000, total: 600_000 });
  });

  it("answers with the server's error", async () => {
    const error = { code: 'payload_too_large', message: 'A file may be at most 25 MiB.' };
    const { uploader } = setup(() => Response.json({ error }, { status: 413 }));
    expect(await uploader.upload(request())).toEqual({ ok: false, error });
  });

  it('a 401 ends the session', async () => {
    const { uploader, unauthorized } = setup(() => Response.json({ error: { code: 'unauthorized', message: 'no' } }, { status: 401 }));
    await uploader.upload(request());
    expect(unauthorized()).toBe(1);
  });

  it('a cancelled upload answers that it was cancelled', async () => {
    const { uploader } = setup(
      (_body, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          queueMicrotask(() => uploader.cancel('u1'));
        }),
    );
    expect(await uploader.upload(request())).toEqual({ ok: false, error: { code: 'invalid_input', message: 'The upload was cancelled.' } });
  });
});
