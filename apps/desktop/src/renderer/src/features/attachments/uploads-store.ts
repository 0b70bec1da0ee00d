import { fileLimits, refOf, type Attachment, type ConversationKey } from '@parley/shared';
import type { ParleyBridge, UploadTarget } from '@parley/shared/ipc';
import { createStore } from 'zustand/vanilla';

export interface ComposerUpload {
  /** This client's name for the upload, also its id for progress and cancel. */
  id: string;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  sent: number;
  error: string | null;
  /** Once stored: what the message will carry. */
  attachment: Attachment | null;
}

interface UploadsState {
  byConversation: Partial<Record<ConversationKey, ComposerUpload[]>>;
}

/** Where a conversation's uploads go; the bot chat takes none. */
export function uploadTargetOf(key: ConversationKey): UploadTarget | null {
  const ref = refOf(key);
  if (ref.kind === 'room') return { otherUserId: ref.userId };
  if (ref.kind === 'group') return { groupId: ref.groupId };
  return null;
}

/**
 * The files of each conversation's composer: uploaded as soon as they are chosen, so that
 * sending is instant; a message carries only files that finished. Nothing half-uploaded is sent.
 */
export function createUploads(bridge: Pick<ParleyBridge, 'files' | 'events'>, newId: () => string = () => crypto.randomUUID()) {
  const store = createStore<UploadsState>(() => ({ byConversation: {} }));
  // The bytes stay here for a retry; they are not state any component renders.
  const sources = new Map<string, { bytes: Uint8Array<ArrayBuffer>; type: string }>();

  const update = (key: ConversationKey, id: string, change: Partial<ComposerUpload>) =>
    store.setState((s) => ({
      byConversation: { ...s.byConversation, [key]: (s.byConversation[key] ?? []).map((u) => (u.id === id ? { ...u, ...change } : u)) },
    }));
  const listOf = (key: ConversationKey) => store.getState().byConversation[key] ?? [];
  const find = (id: string) => {
    for (const [key, list] of Object.entries(store.getState().byConversation)) {
      const upload = list?.find((u) => u.id === id);
      if (upload) return { key: key as ConversationKey, upload };
    }
    return null;
  };

  bridge.events.onUploadProgress(({ uploadId, sent }) => {
    const found = find(uploadId);
    if (found?.upload.status === 'uploading') update(found.key, uploadId, { sent });
  });

  async function run(key: ConversationKey, id: string, name: string): Promise<void> {
    const target = uploadTargetOf(key);
    const source = sources.get(id);
    if (!target || !source) return;
    update(key, id, { status: 'uploading', sent: 0, error: null });
    const result = await bridge.files.upload({ uploadId: id, target, name, type: source.type, bytes: source.bytes });
    // Removed while it was on its way: drop what arrived.
    if (!find(id)) {
      if (result.ok) void bridge.files.discard(result.value.file_id);
      return;
    }
    if (result.ok) {
      sources.delete(id);
      update(key, id, { status: 'done', sent: result.value.size, attachment: result.value });
    } else {
      update(key, id, { status: 'failed', error: result.error.message });
    }
  }

  return {
    store,
    /** Adds files up to the per-message limit; returns how many did not fit. */
    async add(key: ConversationKey, files: File[]): Promise<number> {
      const room = fileLimits.attachmentsPerMessage - listOf(key).length;
      const taken = files.slice(0, Math.max(0, room));
      const started = await Promise.all(
        taken.map(async (file) => {
          const id = newId();
          const name = file.name || `pasted-${new Date().toISOString().replace(/[:.]/g, '-')}.png`;
          sources.set(id, { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type });
          const upload: ComposerUpload = { id, name, size: file.size, status: 'uploading', sent: 0, error: null, attachment: null };
          return upload;
        }),
      );
      store.setState((s) => ({ byConversation: { ...s.byConversation, [key]: [...(s.byConversation[key] ?? []), ...started] } }));
      for (const upload of started) void run(key, upload.id, upload.name);
      return files.length - taken.length;
    },
    retry(key: ConversationKey, id: string): void {
      const upload = listOf(key).find((u) => u.id === id);
      if (upload?.status === 'failed') void run(key, id, upload.name);
    },
    /** Cancels an upload in progress, or takes a finished one out (the server forgets it). */
    remove(key: ConversationKey, id: string): void {
      const upload = listOf(key).find((u) => u.id === id);
      if (!upload) return;
      sources.delete(id);
      store.setState((s) => ({ byConversation: { ...s.byConversation, [key]: listOf(key).filter((u) => u.id !== id) } }));
      if (upload.status === 'uploading') void bridge.files.cancelUpload(id);
      if (upload.attachment) void bridge.files.discard(upload.attachment.file_id);
    },
    /** What a send takes: the finished files, which then leave the composer. */
    takeReady(key: ConversationKey): Attachment[] {
      const ready = listOf(key).filter((u) => u.attachment !== null);
      store.setState((s) => ({ byConversation: { ...s.byConversation, [key]: listOf(key).filter((u) => u.attachment === null) } }));
      return ready.map((u) => u.attachment!);
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
