import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Lagboard',
  description: 'Consumer lag for Kafka and Redis Streams consumer groups',
  // Files in public/: the SVG for current browsers, the .ico for the rest (and for /favicon.ico requests).
  icons: { icon: [{ url: '/icon.svg', type: 'image/svg+xml' }, { url: '/favicon.ico', sizes: '32x32' }] },
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Read on the server so the chosen theme is in the first paint (no flash of the other one).
  const theme = (await cookies()).get('theme')?.value;
  return (
    <html lang="en" data-theme={theme === 'dark' || theme === 'light' ? theme : undefined}>
      <body>{children}</body>
    </html>
  );
}
