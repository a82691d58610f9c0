import Link from 'next/link';

// Unknown cluster, group, topic or stream, or one that belongs to another team (same answer on purpose).
export default function DashboardNotFound() {
  return (
    <div className="card" data-testid="not-found">
      <h1>Not found</h1>
      <p>There is no such consumer group, topic or stream here, or it is not visible to your teams.</p>
      <p><Link href="/">Back to the overview</Link></p>
    </div>
  );
}
