import { ConfigError, getConfig } from '@/lib/config';

/**
 * Called once when a Lagboard process starts: a bad setting stops it with one line naming
 * the variable, instead of a stack trace or a half-working dashboard.
 */
export function checkConfigOrExit(): void {
  try {
    getConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`lagboard: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}
