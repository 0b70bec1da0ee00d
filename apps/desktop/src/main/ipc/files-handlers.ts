import { absoluteLink, type ParleyApi } from '@parley/shared/client';
import { filesIpc } from '@parley/shared/ipc';
import type { Downloads } from '../files/downloads.js';
import type { Uploader } from '../files/uploader.js';
import { handleInvoke, type IpcGuard } from './guard.js';

export function registerFilesHandlers(
  guard: IpcGuard,
  deps: { uploader: Uploader; downloads: Downloads; api: Pick<ParleyApi, 'fileLinks' | 'discardFile'>; serverUrl: () => string | null },
): void {
  handleInvoke(guard, filesIpc.upload, ([request]) => deps.uploader.upload(request));
  handleInvoke(guard, filesIpc.cancelUpload, ([uploadId]) => {
    deps.uploader.cancel(uploadId);
    return { ok: true as const, value: null };
  });
  handleInvoke(guard, filesIpc.discard, async ([fileId]) => {
    const result = await deps.api.discardFile(fileId);
    return result.ok ? { ok: true as const, value: null } : result;
  });
  handleInvoke(guard, filesIpc.links, async ([fileIds]) => {
    const result = await deps.api.fileLinks(fileIds);
    const base = deps.serverUrl();
    if (!result.ok) return result;
    if (!base) return { ok: false as const, error: { code: 'unauthorized' as const, message: 'Sign in first.' } };
    return { ok: true as const, value: result.value.links.map((link) => absoluteLink(base, link)) };
  });
  handleInvoke(guard, filesIpc.download, ([request]) => deps.downloads.download(request));
}
