/**
 * A strict reader for the YAML that Prometheus rule files are written in: block mappings,
 * block sequences, plain, single- and double-quoted scalars, `|` and `>` block scalars and
 * comments. Anything else (flow collections, anchors, tags, tabs, bad indentation, duplicate
 * keys) is an error naming its line, so a rules file it accepts has one obvious meaning.
 * It exists so the rules check needs no YAML package; promtool checks the same file fully.
 */
export type YamlValue = string | null | YamlValue[] | { [key: string]: YamlValue };

interface Line {
  number: number;
  indent: number;
  text: string;
}

export class YamlSubsetError extends Error {
  constructor(line: number, problem: string) {
    super(`line ${line}: ${problem}`);
    this.name = 'YamlSubsetError';
  }
}

export function parseYamlSubset(source: string): YamlValue {
  const rawLines = source.split(/\r?\n/);
  const lines: Line[] = [];
  rawLines.forEach((raw, index) => {
    if (/^\s*\t/.test(raw)) throw new YamlSubsetError(index + 1, 'tab in indentation');
    const text = raw.trimStart();
    if (text === '' || text.startsWith('#')) return;
    if (text === '---' && lines.length === 0) return;
    lines.push({ number: index + 1, indent: raw.length - text.length, text: text.trimEnd() });
  });
  const reader = new Reader(lines, rawLines);
  if (lines.length === 0) return null;
  const value = reader.node((lines[0] as Line).indent);
  reader.expectEnd();
  return value;
}

class Reader {
  private index = 0;

  constructor(private readonly lines: Line[], private readonly rawLines: string[]) {}

  private peek(): Line | undefined {
    return this.lines[this.index];
  }

  expectEnd(): void {
    const line = this.peek();
    if (line) throw new YamlSubsetError(line.number, 'unexpected indentation');
  }

  node(indent: number): YamlValue {
    const line = this.peek();
    if (!line) return null;
    return isSequenceItem(line.text) ? this.sequence(indent) : this.mapping(indent);
  }

  private sequence(indent: number): YamlValue[] {
    const items: YamlValue[] = [];
    for (let line = this.peek(); line && line.indent === indent && isSequenceItem(line.text); line = this.peek()) {
      const rest = line.text.slice(1).trimStart();
      if (rest === '') {
        this.index += 1;
        items.push(this.childOf(line));
      } else if (splitKey(rest)) {
        // "- key: value" opens a mapping whose keys line up with "key".
        this.lines[this.index] = { number: line.number, indent: line.indent + line.text.length - rest.length, text: rest };
        items.push(this.mapping(line.indent + line.text.length - rest.length));
      } else {
        this.index += 1;
        items.push(scalar(rest, line.number));
      }
    }
    return items;
  }

  private mapping(indent: number): { [key: string]: YamlValue } {
    const result: { [key: string]: YamlValue } = {};
    for (let line = this.peek(); line && line.indent === indent && !isSequenceItem(line.text); line = this.peek()) {
      const split = splitKey(line.text);
      if (!split) throw new YamlSubsetError(line.number, `expected "key: value", found "${line.text}"`);
      const [key, value] = split;
      if (Object.hasOwn(result, key)) throw new YamlSubsetError(line.number, `duplicate key "${key}"`);
      this.index += 1;
      if (/^[|>][-+]?$/.test(value)) {
        result[key] = this.blockScalar(value, line);
      } else if (value === '') {
        const next = this.peek();
        // A sequence may sit at its key's own indentation.
        const nestedSequence = next && next.indent === indent && isSequenceItem(next.text);
        result[key] = nestedSequence ? this.sequence(indent) : this.childOf(line);
      } else {
        result[key] = scalar(value, line.number);
      }
    }
    return result;
  }

  private childOf(parent: Line): YamlValue {
    const next = this.peek();
    return next && next.indent > parent.indent ? this.node(next.indent) : null;
  }

  /** `|` keeps line breaks, `>` folds them into spaces; `-` drops the final newline. */
  private blockScalar(indicator: string, parent: Line): string {
    const body: string[] = [];
    let blockIndent: number | null = null;
    for (let line = this.peek(); line && line.indent > parent.indent; line = this.peek()) {
      blockIndent ??= line.indent;
      if (line.indent < blockIndent) throw new YamlSubsetError(line.number, 'block scalar line indented less than its first line');
      body.push((this.rawLines[line.number - 1] ?? '').slice(blockIndent).trimEnd());
      this.index += 1;
    }
    const text = body.join(indicator.startsWith('>') ? ' ' : '\n');
    return indicator.endsWith('-') ? text : `${text}\n`;
  }
}

function isSequenceItem(text: string): boolean {
  return text === '-' || text.startsWith('- ');
}

/** "key: value" or "key:"; keys are plain words (rule files need nothing else). */
function splitKey(text: string): [string, string] | null {
  const match = /^([A-Za-z_][A-Za-z0-9_.-]*):(?:\s+(.*))?$/.exec(text);
  return match ? [match[1] as string, match[2] ?? ''] : null;
}

function scalar(text: string, lineNumber: number): string {
  const first = text[0];
  if (first === '"' || first === "'") {
    const pattern = first === '"' ? /^"((?:[^"\\]|\\.)*)"\s*(#.*)?$/ : /^'((?:[^']|'')*)'\s*(#.*)?$/;
    const match = pattern.exec(text);
    if (!match) throw new YamlSubsetError(lineNumber, `unterminated or trailing text after quoted scalar: ${text}`);
    const inner = match[1] as string;
    return first === '"' ? unescapeDoubleQuoted(inner, lineNumber) : inner.replace(/''/g, "'");
  }
  if (/^[[{&*!|>%@`]/.test(text)) {
    throw new YamlSubsetError(lineNumber, `unsupported YAML (flow collection, anchor, tag or reserved character): ${text}`);
  }
  const commentAt = text.search(/\s#/);
  const value = (commentAt >= 0 ? text.slice(0, commentAt) : text).trimEnd();
  if (/:\s|:$/.test(value)) throw new YamlSubsetError(lineNumber, `plain scalar contains ": " (quote it): ${text}`);
  return value;
}

function unescapeDoubleQuoted(inner: string, lineNumber: number): string {
  const escapes: Record<string, string> = { n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' };
  return inner.replace(/\\(.)/g, (_match, character: string) => {
    const replacement = escapes[character];
    if (replacement === undefined) throw new YamlSubsetError(lineNumber, `unsupported escape \\${character}`);
    return replacement;
  });
}
