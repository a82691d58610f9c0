'use client';

import { useState } from 'react';
import { refreshIntervalChoicesSeconds } from '@/lib/swr/refresh-interval';

/** Kept per user in a cookie so the server renders pages with the same interval. */
export function RefreshIntervalSetting({ initialSeconds }: { initialSeconds: number }) {
  const [seconds, setSeconds] = useState(initialSeconds);
  return (
    <label>
      Refresh live views every
      <select value={seconds} onChange={(event) => {
        const chosen = Number(event.target.value);
        setSeconds(chosen);
        document.cookie = `refresh_s=${chosen}; path=/; max-age=31536000; samesite=lax`;
      }}>
        {refreshIntervalChoicesSeconds.map((choice) => <option key={choice} value={choice}>{choice} s</option>)}
      </select>
    </label>
  );
}
