'use client';

import { useState } from 'react';

/** The new link, shown once with a copy button: only its hash is kept on the server. */
/** focusCopy: the control that created the link has gone, so focus moves to "Copy link" instead of being lost. */
export function ShareLinkCreated({ address, expiresAt, focusCopy = false }: { address: string; expiresAt: string; focusCopy?: boolean }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner info" role="status">
      <p>Anyone with this link can see this chart until {new Date(expiresAt).toUTCString()}. Copy it now; it is shown only once.</p>
      <p><code data-testid="new-share-link">{address}</code></p>
      <button type="button" className="secondary" autoFocus={focusCopy}
        onClick={() => navigator.clipboard?.writeText(address).then(() => setCopied(true), () => setCopied(false))}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}
