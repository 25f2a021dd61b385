import { useAuth } from '../../../app/auth';
import { can } from '../../../app/permissions';
import { usePageTitle } from '../../../app/usePageTitle';
import { useResource } from '../../../dashboard/useResource';
import { ResourceState } from '../../../ui/ResourceState';
import { InviteForm } from './InviteForm';
import type { MemberList } from './member';
import { MemberRow } from './MemberRow';

export function MembersSettings() {
  usePageTitle('Members');
  const { me } = useAuth();
  const [members, reload] = useResource<MemberList>('/members');
  const manage = can(me, 'members.manage');
  return (
    <>
      <h1>Members</h1>
      <p>{manage ? 'Who works in this workspace, and what each one may do.' : 'Who works in this workspace. Owners and admins manage the team.'}</p>
      <section aria-labelledby="member-list-title">
        <h2 id="member-list-title">Team</h2>
        <ResourceState resource={members} what="the members" onRetry={reload}>
          {({ data }) => (
            <ul className="item-list">
              {data.map((member) => <MemberRow key={member.id} member={member} onChanged={reload} />)}
            </ul>
          )}
        </ResourceState>
      </section>
      {manage && <InviteForm />}
    </>
  );
}
