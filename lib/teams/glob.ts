/**
 * Name patterns for team ownership: `*` matches any run of characters (also none), `?` exactly
 * one, `\` makes the next character literal (group ids and stream keys may contain `*`).
 * Everything else is literal: `a.b+c` matches only "a.b+c", because names are not regexes.
 * Matching is case-sensitive and covers the whole name, as Kafka and Redis compare names.
 *
 * Not built on RegExp: a pattern like `*a*a*a*b` would make a backtracking regex take
 * exponential time on a long name. The two-pointer walk below is O(pattern × name) at worst.
 */

type GlobToken = { type: 'literal'; character: string } | { type: 'any_one' } | { type: 'any_run' };

export interface CompiledGlob {
  pattern: string;
  tokens: readonly GlobToken[];
  /** True when the pattern has no wildcard: it names exactly one resource. */
  exact: boolean;
  /** Characters that must appear literally; more means more specific. */
  literalCount: number;
}

export function compileGlob(pattern: string): CompiledGlob {
  const tokens: GlobToken[] = [];
  // Iterating code points keeps a surrogate pair (an emoji in a stream key) one character for `?`.
  const characters = [...pattern];
  for (let index = 0; index < characters.length; index += 1) {
    const character = characters[index] as string;
    if (character === '\\' && index + 1 < characters.length) {
      index += 1;
      tokens.push({ type: 'literal', character: characters[index] as string });
    } else if (character === '*') {
      // Consecutive stars mean the same as one.
      if (tokens[tokens.length - 1]?.type !== 'any_run') tokens.push({ type: 'any_run' });
    } else if (character === '?') {
      tokens.push({ type: 'any_one' });
    } else {
      tokens.push({ type: 'literal', character });
    }
  }
  const literalCount = tokens.filter((token) => token.type === 'literal').length;
  return { pattern, tokens, exact: literalCount === tokens.length, literalCount };
}

function tokenMatches(token: GlobToken, character: string): boolean {
  return token.type === 'any_one' || (token.type === 'literal' && token.character === character);
}

export function globMatches(pattern: string | CompiledGlob, name: string): boolean {
  const { tokens } = typeof pattern === 'string' ? compileGlob(pattern) : pattern;
  const characters = [...name];
  let tokenIndex = 0;
  let characterIndex = 0;
  // Where to resume after the last `*` when a later token fails: let the star eat one more character.
  let starTokenIndex = -1;
  let starCharacterIndex = 0;
  while (characterIndex < characters.length) {
    const token = tokens[tokenIndex];
    if (token?.type === 'any_run') {
      starTokenIndex = tokenIndex;
      starCharacterIndex = characterIndex;
      tokenIndex += 1;
    } else if (token && tokenMatches(token, characters[characterIndex] as string)) {
      tokenIndex += 1;
      characterIndex += 1;
    } else if (starTokenIndex >= 0) {
      tokenIndex = starTokenIndex + 1;
      starCharacterIndex += 1;
      characterIndex = starCharacterIndex;
    } else {
      return false;
    }
  }
  // The name is used up: only stars may remain.
  return tokens.slice(tokenIndex).every((token) => token.type === 'any_run');
}
