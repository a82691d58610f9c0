/**
 * The one logger. Messages are redacted before they are written: connection strings with
 * credentials, bearer tokens and passwords must never reach a log, and stack traces are
 * not written (they reveal paths and internals to whoever reads the logs).
 */
const credentialUrlPattern = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/@]*@/gi;
const bearerPattern = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const apiTokenPattern = /\blgb_[A-Za-z0-9_-]{8,}/g;
const passwordPattern = /(password|passwd|secret)(["']?\s*[:=]\s*["']?)[^\s"',;]+/gi;

export function redact(text: string): string {
  return text
    .replace(credentialUrlPattern, '$1***@')
    .replace(bearerPattern, '$1***')
    .replace(apiTokenPattern, 'lgb_***')
    .replace(passwordPattern, '$1$2***');
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    return redact(`${error.name}: ${error.message}`);
  }
  return redact(String(error));
}

type Level = 'info' | 'warn' | 'error';

function write(level: Level, event: string, details?: Record<string, unknown>): void {
  const line = JSON.stringify({ level, event, time: new Date().toISOString(), ...details });
  const redacted = redact(line);
  if (level === 'error') console.error(redacted);
  else if (level === 'warn') console.warn(redacted);
  else console.log(redacted);
}

export const log = {
  info: (event: string, details?: Record<string, unknown>) => write('info', event, details),
  warn: (event: string, details?: Record<string, unknown>) => write('warn', event, details),
  error: (event: string, details?: Record<string, unknown>) => write('error', event, details),
};
