import { fileLimits } from '@parley/shared';
import { useRef, useState, type DragEvent } from 'react';

/** Opens the system's file chooser for up to ten files. */
export function AttachButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className="composer-attach" aria-label="Attach files" title={`Attach up to ${fileLimits.attachmentsPerMessage} files`} onClick={() => input.current?.click()}>
        +
      </button>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        data-testid="composer-file-input"
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          event.target.value = '';
          if (chosen.length > 0) onFiles(chosen);
        }}
      />
    </>
  );
}

const hasFiles = (event: DragEvent) => [...event.dataTransfer.types].includes('Files');

/** Dropping files onto an element adds them; `over` while files are dragged above it. */
export function useFileDrop(onFiles: (files: File[]) => void, enabled: boolean) {
  const [over, setOver] = useState(false);
  if (!enabled) return { over: false, handlers: {} };
  return {
    over,
    handlers: {
      onDragOver(event: DragEvent) {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setOver(true);
      },
      onDragLeave() {
        setOver(false);
      },
      onDrop(event: DragEvent) {
        setOver(false);
        const dropped = [...event.dataTransfer.files];
        if (dropped.length === 0) return;
        event.preventDefault();
        onFiles(dropped);
      },
    },
  };
}
