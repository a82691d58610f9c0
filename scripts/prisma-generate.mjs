// Generates the Prisma client into lib/generated/prisma (git-ignored); runs on `npm ci` as
// postinstall and as `npm run prisma:generate`.
//
// `prisma generate` needs no schema engine, yet the CLI downloads one first unless
// PRISMA_SCHEMA_ENGINE_BINARY points at an existing file, and that download cannot work
// offline. Any existing file satisfies the check; the node binary always exists.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(projectRoot, 'package.json'));

let prismaCli;
try {
  const packageFile = require.resolve('prisma/package.json');
  const { bin } = JSON.parse(readFileSync(packageFile, 'utf8'));
  prismaCli = path.join(path.dirname(packageFile), typeof bin === 'string' ? bin : bin.prisma);
} catch {
  // `npm ci --omit=dev` installs no CLI: such an install must bring lib/generated from a build.
  console.warn('prisma-generate: the prisma CLI is not installed (dev dependencies omitted); skipping generation');
  process.exit(0);
}

const result = spawnSync(process.execPath, [prismaCli, 'generate'], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY || process.execPath,
    // No update check or telemetry: there is no network to wait for.
    CHECKPOINT_DISABLE: process.env.CHECKPOINT_DISABLE || '1',
    PRISMA_HIDE_UPDATE_MESSAGE: process.env.PRISMA_HIDE_UPDATE_MESSAGE || '1',
  },
});
if (result.error) {
  console.error(`prisma-generate: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
