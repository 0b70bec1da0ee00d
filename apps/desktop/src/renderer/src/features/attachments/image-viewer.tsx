import { Dialog } from '../../ui/dialog';

/** A picture at full size, over the conversation. */
export function ImageViewer({ name, src, onClose, onDownload }: { name: string; src: string; onClose: () => void; onDownload: () => void }) {
  return (
    <Dialog title={name} onClose={onClose}>
      <img className="image-viewer-picture" src={src} alt={name} />
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onDownload}>
          Download
        </button>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
