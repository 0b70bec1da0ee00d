import { bridge } from '../../bridge';
import { actions } from '../../actions/app-actions';
import { appStore } from '../../stores/app-store';
import { groupKey } from '@parley/shared';
import { Dialog } from '../../ui/dialog';
import { GroupNameForm } from './group-name-form';

export function NewGroupDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog title="New group" onClose={onClose}>
      <GroupNameForm
        initial=""
        submitLabel="Create group"
        onCancel={onClose}
        onSubmit={async (name) => {
          const result = await bridge.api.createGroup({ chat_group_name: name });
          if (result.ok) {
            appStore.getState().upsertGroup(result.value);
            onClose();
            void actions.open(groupKey(result.value.chat_group_id));
          }
          return result;
        }}
      />
    </Dialog>
  );
}
