import { errorBodySchema, uploadResponseSchema, type Attachment, type ErrorDetail } from '@parley/shared';
import { absoluteLink, uploadPath, type ParleyApi } from '@parley/shared/client';
import type { ParleyBridge, Result, UploadProgress } from '@parley/shared/ipc';
import { createListeners } from './listeners';

const cancelled: ErrorDetail = { code: 'invalid_input', message: 'The upload was cancelled.' };
const offline: ErrorDetail = { code: 'unavailable', message: 'The upload failed: the server could not be reached.' };

/**
 * The web client's files: uploads with XMLHttpRequest, the one browser API that reports upload
 * progress, and downloads through a link the browser follows as it does any other download.
 */
export function createWebFiles(deps: {
  baseUrl: string;
  token: () => string | null;
  rest: Pick<ParleyApi, 'fileLinks' | 'discardFile'>;
  onUnauthorized: () => void;
}): { files: ParleyBridge['files']; onUploadProgress: ParleyBridge['events']['onUploadProgress'] } {
  const progress = createListeners<UploadProgress>();
  const running = new Map<string, XMLHttpRequest>();

  const files: ParleyBridge['files'] = {
    upload(request) {
      return new Promise((resolve) => {
        const xhr = new XMLHttpRequest();
        running.set(request.uploadId, xhr);
        const done = (result: Result<Attachment>) => {
          running.delete(request.uploadId);
          resolve(result);
        };
        xhr.open('POST', new URL(uploadPath(request.target), deps.baseUrl).toString());
        const token = deps.token();
        if (token) xhr.setRequestHeader('authentication', token);
        xhr.upload.onprogress = (event) => progress.emit({ uploadId: request.uploadId, sent: event.loaded, total: event.total || request.bytes.length });
        xhr.onload = () => {
          let body: unknown;
          try {
            body = JSON.parse(xhr.responseText);
          } catch {
            body = undefined;
          }
          const stored = uploadResponseSchema.safeParse(body);
          if (xhr.status === 201 && stored.success) return done({ ok: true, value: stored.data.file });
          const failed = errorBodySchema.safeParse(body);
          if (xhr.status === 401) deps.onUnauthorized();
          done({ ok: false, error: failed.success ? failed.data.error : { code: 'internal', message: `The upload failed (${xhr.status}).` } });
        };
        xhr.onerror = () => done({ ok: false, error: offline });
        xhr.onabort = () => done({ ok: false, error: cancelled });
        const form = new FormData();
        form.append('file', new Blob([request.bytes], { type: request.type }), request.name);
        xhr.send(form);
      });
    },
    async cancelUpload(uploadId) {
      running.get(uploadId)?.abort();
      return { ok: true, value: null };
    },
    async discard(fileId) {
      const result = await deps.rest.discardFile(fileId);
      return result.ok ? { ok: true, value: null } : result;
    },
    async links(fileIds) {
      const result = await deps.rest.fileLinks(fileIds);
      return result.ok ? { ok: true, value: result.value.links.map((link) => absoluteLink(deps.baseUrl, link)) } : result;
    },
    async download({ url, name }) {
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = name;
      anchor.rel = 'noopener';
      document.body.append(anchor);
      anchor.click();
      anchor.remove();
      return { ok: true, value: null };
    },
  };
  return { files, onUploadProgress: (listener) => progress.add(listener) };
}
