import { useState } from 'react';
import { useApp, useAppShallow } from '../../stores/app-store';
import { showsServerRail } from '../../stores/servers-slice';
import { selectGroupIds, selectPeopleIds } from '../../stores/sidebar-selectors';
import { Avatar } from '../../ui/avatar';
import { UserMenu } from '../account/user-menu';
import { NewGroupDialog } from '../groups/new-group-dialog';
import { SearchButton } from '../search/search-panel';
import { GroupItem } from './group-item';
import { PersonItem } from './person-item';
import { SidebarItem } from './sidebar-item';
import { ConversationListbox } from './conversation-listbox';
import { groupKey, userKey } from '@parley/shared';
import './sidebar.css';

const botKeys = ['bot'] as const;

export function Sidebar() {
  const peopleIds = useAppShallow(selectPeopleIds);
  const groupIds = useAppShallow(selectGroupIds);
  const [creating, setCreating] = useState(false);
  // With several servers, which one this is.
  const onScreen = useApp((s) => (showsServerRail(s) ? (s.servers.find((server) => server.active)?.label ?? null) : null));

  return (
    <nav className="sidebar" aria-label="Conversations">
      <header className="sidebar-header">
        <span className="sidebar-logo" aria-hidden="true">
          P
        </span>
        <span className="sidebar-brand">
          <span className="sidebar-title">Parley</span>
          {onScreen ? <span className="sidebar-server">{onScreen}</span> : null}
        </span>
      </header>
      <SearchButton />

      <div className="sidebar-scroll">
        <ConversationListbox keys={botKeys} label="Assistant">
          <SidebarItem conversation="bot" label="Parley Bot" leading={<Avatar user={null} size="small" />} />
        </ConversationListbox>

        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="sidebar-heading">
            People
          </h2>
          <ConversationListbox keys={peopleIds.map(userKey)} labelledBy="people-heading">
            {peopleIds.map((id) => (
              <PersonItem key={id} userId={id} />
            ))}
          </ConversationListbox>
          {peopleIds.length === 0 ? <p className="sidebar-empty">Nobody else yet. Invite your team!</p> : null}
        </section>

        <section aria-labelledby="groups-heading">
          <div className="sidebar-heading-row">
            <h2 id="groups-heading" className="sidebar-heading">
              Groups
            </h2>
            <button type="button" className="button ghost small" onClick={() => setCreating(true)}>
              <span aria-hidden="true">+</span> New group
            </button>
          </div>
          <ConversationListbox keys={groupIds.map(groupKey)} labelledBy="groups-heading">
            {groupIds.map((id) => (
              <GroupItem key={id} groupId={id} />
            ))}
          </ConversationListbox>
          {groupIds.length === 0 ? <p className="sidebar-empty">No groups yet.</p> : null}
        </section>
      </div>

      <UserMenu />
      {creating ? <NewGroupDialog onClose={() => setCreating(false)} /> : null}
    </nav>
  );
}
