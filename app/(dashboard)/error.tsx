'use client';

export default function DashboardError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="banner" role="alert">
      <p>This page could not be loaded. If a banner above says the database is unavailable, this view needs it: try again in a few seconds. Otherwise the server log has the details.</p>
      <button type="button" onClick={reset}>Try again</button>
    </div>
  );
}
