/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native or WASM parts stay outside the bundle.
  serverExternalPackages: [
    '@platformatic/kafka',
    'ioredis',
    '@node-rs/argon2',
    '@electric-sql/pglite',
    'pglite-prisma-adapter',
    '@prisma/client',
    'pg',
    'prom-client',
  ],
  poweredByHeader: false,
  // Keeps the demo and the test build from sharing one build folder.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};

module.exports = nextConfig;
