import type { ConversationKey } from '@parley/shared';
import { useStore } from 'zustand';
import { formatFileSize } from './file-size';
import type { ComposerUpload, Uploads } from './uploads-store';

const none: ComposerUpload[] = [];

function Chip({ upload, onRemove, onRetry }: { upload: ComposerUpload; onRemove: () => void; onRetry: () => void }) {
  const percent = upload.size > 0 ? Math.min(100, Math.round((upload.sent / upload.size) * 100)) : 100;
  return (
    <li className={`attachment-chip ${upload.status}`} aria-label={upload.name}>
      <span className="attachment-chip-name" title={upload.name}>
        {upload.name}
      </span>
      <span className="attachment-chip-detail">
        {upload.status === 'uploading' ? (
          <progress max={100} value={percent} aria-label={`Uploading ${upload.name}`} />
        ) : upload.status === 'failed' ? (
          <>
            <span role="status">{upload.error ?? 'Upload failed'}</span>{' '}
            <button type="button" className="link-button" onClick={onRetry}>
              Retry
            </button>
          </>
        ) : (
          formatFileSize(upload.attachment?.size ?? upload.size)
        )}
      </span>
      <button
        type="button"
        className="attachment-chip-remove"
        onClick={onRemove}
        aria-label={upload.status === 'uploading' ? `Cancel ${upload.name}` : `Remove ${upload.name}`}
      >
        ×
      </button>
    </li>
  );
}

/** The files waiting in a composer, with their progress. */
export function AttachmentChips({ uploads, conversation }: { uploads: Uploads; conversation: ConversationKey }) {
  const list = useStore(uploads.store, (s) => s.byConversation[conversation] ?? none);
  if (list.length === 0) return null;
  return (
    <ul className="attachment-chips" aria-label="Attached files">
      {list.map((upload) => (
        <Chip
          key={upload.id}
          upload={upload}
          onRemove={() => uploads.remove(conversation, upload.id)}
          onRetry={() => uploads.retry(conversation, upload.id)}
        />
      ))}
    </ul>
  );
}

/** Whether a send may go: at least one finished file and none still on its way or failed. */
export function useUploadsState(uploads: Uploads, conversation: ConversationKey): { ready: number; busy: boolean } {
  const list = useStore(uploads.store, (s) => s.byConversation[conversation] ?? none);
  return { ready: list.filter((u) => u.status === 'done').length, busy: list.some((u) => u.status !== 'done') };
}
