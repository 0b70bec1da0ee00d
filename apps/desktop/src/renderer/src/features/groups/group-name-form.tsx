import { useState, type FormEvent } from 'react';
import { groupNameSchema, type ChatGroup, type ErrorDetail, type Result } from './group-types';
import { Field } from '../../ui/field';

/** The one field both "New group" and "Rename" ask for, with the server's 409 made plain. */
export function GroupNameForm({ initial, submitLabel, onSubmit, onCancel }: {
  initial: string;
  submitLabel: string;
  onSubmit: (name: string) => Promise<Result<ChatGroup>>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = groupNameSchema.safeParse(name);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'is not valid');
    setBusy(true);
    const result = await onSubmit(parsed.data);
    setBusy(false);
    if (!result.ok) setError(describe(result.error));
  }

  return (
    <form className="dialog-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Group name" value={name} onChange={(e) => setName(e.target.value)} error={error} autoFocus maxLength={200} />
      <div className="dialog-actions">
        <button type="button" className="button secondary" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={busy || !name.trim()}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}

function describe(error: ErrorDetail): string {
  if (error.code === 'conflict') return 'A group with that name already exists.';
  if (error.code === 'forbidden') return 'Only the group’s creator can rename it.';
  return error.fields?.chat_group_name ?? error.message;
}
