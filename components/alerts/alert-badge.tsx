import Link from 'next/link';

/** "2 firing alerts" linking to the Alerts page filtered to the resource; nothing when none fire. */
export function AlertBadge({ count, href }: { count: number; href: string }) {
  if (count === 0) return null;
  return (
    <Link href={href} className="badge bad alert-badge" data-alert-badge={count}>
      {count} firing alert{count === 1 ? '' : 's'}
    </Link>
  );
}
