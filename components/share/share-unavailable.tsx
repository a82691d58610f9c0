import styles from './share.module.css';

const messages = {
  expired: { title: 'This share link has expired', detail: 'Ask the person who shared it for a new link.' },
  revoked: { title: 'This share link was revoked', detail: 'It no longer shows anything. Ask the person who shared it for a new link.' },
  invalid: { title: 'This share link is not valid', detail: 'Check that the whole link was copied, or ask for a new one.' },
} as const;

/** Says why a link shows nothing, and nothing else: no resource, no creator, no way into the app. */
export function ShareUnavailable({ status }: { status: keyof typeof messages }) {
  const message = messages[status];
  return (
    <main className={styles.unavailable} data-share-status={status}>
      <h1>{message.title}</h1>
      <p className="muted">{message.detail}</p>
    </main>
  );
}
