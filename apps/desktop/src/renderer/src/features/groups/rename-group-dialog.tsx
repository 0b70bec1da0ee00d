import { bridge } from '../../bridge';
import { appStore } from '../../stores/app-store';
import { Dialog } from '../../ui/dialog';
import { GroupNameForm } from './group-name-form';

export function RenameGroupDialog({ groupId, name, onClose }: { groupId: number; name: string; onClose: () => void }) {
  return (
    <Dialog title="Rename group" onClose={onClose}>
      <GroupNameForm
        initial={name}
        submitLabel="Save"
        onCancel={onClose}
        onSubmit={async (next) => {
          const result = await bridge.api.renameGroup(groupId, next);
          if (result.ok) {
            appStore.getState().upsertGroup(result.value);
            onClose();
          }
          return result;
        }}
      />
    </Dialog>
  );
}
