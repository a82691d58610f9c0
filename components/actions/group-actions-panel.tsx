import { DeleteGroupForm, DeleteOffsetsForm } from './delete-group-forms';
import { ResetOffsetsForm, type ActionTopic } from './reset-offsets-form';

/** Operators' actions on a Kafka group; the page renders it only for operators and admins. */
export function GroupActionsPanel({ clusterId, groupId, topics, memberCount }: { clusterId: string; groupId: string; topics: ActionTopic[]; memberCount: number }) {
  return (
    <section className="card" aria-labelledby="actions-heading">
      <h2 id="actions-heading">Actions</h2>
      {memberCount > 0 ? (
        <p className="muted">The group has {memberCount} live member(s): Kafka changes offsets and deletes groups only while a group is empty. Previews still work.</p>
      ) : null}
      {topics.length === 0 ? <p className="muted">The group has no committed offsets or subscribed topics to act on.</p> : (
        <>
          <ResetOffsetsForm clusterId={clusterId} groupId={groupId} topics={topics} />
          <DeleteOffsetsForm clusterId={clusterId} groupId={groupId} topics={topics} />
        </>
      )}
      <DeleteGroupForm clusterId={clusterId} groupId={groupId} />
    </section>
  );
}
