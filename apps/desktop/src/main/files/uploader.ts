import { randomBytes } from 'node:crypto';
import { errorBodySchema, uploadResponseSchema, type Attachment, type ErrorDetail } from '@parley/shared';
import { multipartParts, uploadPath } from '@parley/shared/client';
import type { Result, UploadProgress, UploadRequest } from '@parley/shared/ipc';

export interface UploaderDeps {
  fetch: typeof fetch;
  baseUrl: () => string | null;
  token: () => string | null;
  onProgress: (progress: UploadProgress) => void;
  onUnauthorized: () => void;
}

const cancelled: ErrorDetail = { code: 'invalid_input', message: 'The upload was cancelled.' };
const offline: ErrorDetail = { code: 'unavailable', message: 'The upload failed: the server could not be reached.' };

/**
 * Uploads from the main process, which holds the token: the body goes out in chunks, each
 * reported as sent, and an upload can be cancelled by its id while it runs.
 */
export function createUploader(deps: UploaderDeps) {
  const running = new Map<string, AbortController>();

  async function upload(request: UploadRequest): Promise<Result<Attachment>> {
    const base = deps.baseUrl();
    const token = deps.token();
    if (!base || !token) return { ok: false, error: { code: 'unauthorized', message: 'Sign in first.' } };
    const body = multipartParts(request.name, request.type, request.bytes, `parley-${randomBytes(12).toString('hex')}`);
    const abort = new AbortController();
    running.set(request.uploadId, abort);
    let sent = 0;
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const chunk = body.chunks[index++];
        if (!chunk) {
          controller.close();
          return;
        }
        controller.enqueue(chunk);
        sent += chunk.length;
        deps.onProgress({ uploadId: request.uploadId, sent: Math.min(sent, request.bytes.length), total: request.bytes.length });
      },
    });
    try {
      const response = await deps.fetch(new URL(uploadPath(request.target), base), {
        method: 'POST',
        headers: { authentication: token, 'content-type': body.contentType },
        body: stream,
        signal: abort.signal,
        duplex: 'half',
      } as RequestInit);
      const answer: unknown = await response.json().catch(() => undefined);
      const stored = uploadResponseSchema.safeParse(answer);
      if (response.status === 201 && stored.success) return { ok: true, value: stored.data.file };
      if (response.status === 401) deps.onUnauthorized();
      const failed = errorBodySchema.safeParse(answer);
      return { ok: false, error: failed.success ? failed.data.error : { code: 'internal', message: `The upload failed (${response.status}).` } };
    } catch {
      return { ok: false, error: abort.signal.aborted ? cancelled : offline };
    } finally {
      running.delete(request.uploadId);
    }
  }

  return {
    upload,
    cancel(uploadId: string): void {
      running.get(uploadId)?.abort();
    },
  };
}

export type Uploader = ReturnType<typeof createUploader>;
