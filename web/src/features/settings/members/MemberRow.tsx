import { useAuth } from '../../../app/auth';
import { assignableRoles } from '../../../app/permissions';
import { useApi } from '../../../dashboard/useApi';
import { ConfirmAction } from '../../../ui/ConfirmAction';
import { formatDateTime } from '../../../ui/formatDate';
import type { Member } from './member';
import { MemberRoleForm } from './MemberRoleForm';

export function MemberRow({ member, onChanged }: { member: Member; onChanged: () => void }) {
  const { me } = useAuth();
  const api = useApi();
  const assignable = assignableRoles(me);
  // Only an owner touches an owner; the server also keeps the last owner.
  const manageable = assignable.includes(member.role);
  const isMe = member.id === me.user.id;
  const titleId = `member-${member.id}-name`;
  return (
    <li className="card item" aria-labelledby={titleId}>
      <h3 id={titleId}><bdi>{member.name}</bdi>{isMe && <span className="badge">You</span>}</h3>
      <dl className="details">
        <dt>Email</dt><dd>{member.email}</dd>
        <dt>Role</dt><dd>{member.role}</dd>
        <dt>Joined</dt><dd>{formatDateTime(member.joinedAt)}</dd>
      </dl>
      {manageable && (
        <div className="item-actions">
          <MemberRoleForm member={member} roles={assignable} onSaved={onChanged} />
          <ConfirmAction
            trigger={<>{isMe ? 'Leave workspace' : 'Remove'}<span className="visually-hidden"> {member.name}</span></>}
            title={isMe ? 'Leave this workspace?' : `Remove ${member.name}?`}
            confirmLabel={isMe ? 'Leave' : 'Remove'}
            action={async () => {
              await api(`/members/${encodeURIComponent(member.id)}`, 'DELETE');
              // Having left, this workspace is gone for us: start over in another one.
              if (isMe) window.location.assign('/app');
              else onChanged();
            }}
          >
            <p>{isMe ? 'You lose access to this workspace until someone invites you again.' : 'They lose access to this workspace at once. You can invite them again later.'}</p>
          </ConfirmAction>
        </div>
      )}
    </li>
  );
}
