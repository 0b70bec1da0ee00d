import type { Attachment } from '@parley/shared';
import { memo, useState } from 'react';
import { bridge } from '../../bridge';
import { formatFileSize, thumbnailBox } from './file-size';
import { useFileLink } from './file-links';
import { ImageViewer } from './image-viewer';
import { linkCache } from './link-cache';
import './attachments.css';

function ImageAttachment({ file }: { file: Attachment & { width: number; height: number } }) {
  const { link, retry } = useFileLink(linkCache, file.file_id);
  const [open, setOpen] = useState(false);
  const box = thumbnailBox(file.width, file.height);
  return (
    <>
      <button
        type="button"
        className="attachment-image"
        style={{ width: box.width, height: box.height }}
        onClick={() => setOpen(true)}
        disabled={!link}
        aria-label={`Open ${file.name}`}
      >
        {link?.thumbnail_url ? <img src={link.thumbnail_url} alt={file.name} width={box.width} height={box.height} onError={retry} /> : null}
      </button>
      {open && link ? <ImageViewer name={file.name} src={link.url} onClose={() => setOpen(false)} onDownload={() => void bridge.files.download({ url: link.download_url, name: file.name })} /> : null}
    </>
  );
}

function FileCard({ file }: { file: Attachment }) {
  const { link } = useFileLink(linkCache, file.file_id);
  return (
    <div className="attachment-card" role="group" aria-label={file.name}>
      <span className="attachment-card-icon" aria-hidden="true">
        {(file.name.split('.').pop() ?? '').slice(0, 4).toUpperCase() || 'FILE'}
      </span>
      <span className="attachment-card-text">
        <span className="attachment-card-name" title={file.name}>
          {file.name}
        </span>
        <span className="attachment-card-size">{formatFileSize(file.size)}</span>
      </span>
      <button
        type="button"
        className="button secondary attachment-download"
        disabled={!link}
        onClick={() => link && void bridge.files.download({ url: link.download_url, name: file.name })}
      >
        Download
      </button>
    </div>
  );
}

const isShownImage = (file: Attachment): file is Attachment & { width: number; height: number } =>
  file.width !== undefined && file.height !== undefined;

/** A message's files: pictures inline at their reserved size, other files as cards. */
export const MessageAttachments = memo(function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  return (
    <div className="message-attachments">
      {attachments.map((file) =>
        isShownImage(file) ? <ImageAttachment key={file.file_id} file={file} /> : <FileCard key={file.file_id} file={file} />,
      )}
    </div>
  );
});
