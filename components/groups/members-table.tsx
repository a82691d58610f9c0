import type { MemberJson } from '@/lib/consumers/json-shapes';
import { ScrollRegion } from '@/components/table/scroll-region';

const partitionList = (refs: MemberJson['assigned_partitions']) =>
  refs.map((ref) => `${ref.topic}-${ref.partition}`).join(', ') || '—';

export function MembersTable({ members, groupType }: { members: MemberJson[]; groupType: 'classic' | 'consumer' }) {
  if (members.length === 0) {
    return <p className="banner" role="status">No live members: nobody is consuming for this group. Restart its consumers if it should be running.</p>;
  }
  return (
    <ScrollRegion label="Members"><table className="data" data-testid="members">
      <caption className="visually-hidden">Members of the group</caption>
      <thead>
        <tr>
          <th scope="col">Client id</th><th scope="col">Host</th><th scope="col">Member id</th>
          {groupType === 'consumer' ? <th scope="col" className="number">Member epoch</th> : null}
          <th scope="col" className="number">Partitions</th><th scope="col">Assigned</th>
          {groupType === 'consumer' ? <th scope="col">Target assignment</th> : null}
        </tr>
      </thead>
      <tbody>
        {members.map((member) => (
          <tr key={member.member_id}>
            <td className="mono">{member.client_id}</td>
            <td className="mono">{member.host}</td>
            <td className="mono" style={{ maxWidth: '16rem', overflowWrap: 'anywhere' }}>{member.member_id}</td>
            {groupType === 'consumer' ? <td className="number">{member.member_epoch ?? '—'}</td> : null}
            <td className="number">{member.partition_count}</td>
            <td className="mono">{partitionList(member.assigned_partitions)}</td>
            {groupType === 'consumer' ? <td className="mono">{member.target_assignment ? partitionList(member.target_assignment) : '—'}</td> : null}
          </tr>
        ))}
      </tbody>
    </table></ScrollRegion>
  );
}
