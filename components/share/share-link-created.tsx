'use client';

import { useState } from 'react';

/** The new link, shown once with a copy button: only its hash is kept on the server. */
export function ShareLinkCreated({ address, expiresAt }: { address: string; expiresAt: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="banner info" role="status">
      <p>Anyone with this link can see this chart until {new Date(expiresAt).toUTCString()}. Copy it now; it is shown only once.</p>
      <p><code data-testid="new-share-link">{address}</code></p>
      <button type="button" className="secondary"
        onClick={() => navigator.clipboard?.writeText(address).then(() => setCopied(true), () => setCopied(false))}>
        {copied ? 'Copied' : 'Copy link'}
      </button>
    </div>
  );
}
