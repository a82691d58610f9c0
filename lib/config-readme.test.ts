import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { settingsSchema } from './config-settings';

// Read by Next.js and next-auth themselves, not by Lagboard's settings.
const readByFrameworks = ['NEXTAUTH_URL', 'PORT'];

function documentedVariables(): string[] {
  const readme = readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  const tableRows = section.split('\n').filter((line) => line.startsWith('| `'));
  // A row may name several variables in its first cell ("`PENDING_WARNING`, `PENDING_CRITICAL`").
  return tableRows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map((match) => match[1] as string));
}

describe('the README configuration table', () => {
  it('documents every setting Lagboard reads, and nothing it does not', () => {
    const settings = Object.keys(settingsSchema.shape).sort();
    const documented = documentedVariables();
    expect(settings.filter((name) => !documented.includes(name))).toEqual([]);
    expect(documented.filter((name) => !settings.includes(name) && !readByFrameworks.includes(name))).toEqual([]);
    expect(new Set(documented).size).toBe(documented.length);
  });
});
