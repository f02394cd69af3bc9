import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/** How a YAML data file reports its problems: the file's own error class, built from source and problems. */
export type YamlFileError = new (source: string, problems: string[]) => Error;

export interface YamlFileRules {
  /** Above this many characters the text is refused before parsing (a wrong file, not a data file). */
  maxChars: number;
  /** What an empty file needs, named in the error so the operator knows what to write. */
  emptyHint: string;
  ErrorClass: YamlFileError;
}

/** Parses a YAML data file, refusing empty, oversized or unparsable text with the file's own error class. */
export function parseYamlFile(yamlText: string, source: string, rules: YamlFileRules): unknown {
  const { maxChars, emptyHint, ErrorClass } = rules;
  if (typeof yamlText !== 'string' || yamlText.trim() === '') {
    throw new ErrorClass(source, [`the file is empty: it needs ${emptyHint}`]);
  }
  if (yamlText.length > maxChars) {
    throw new ErrorClass(source, [`the file is ${yamlText.length} characters, over the ${maxChars} limit; is this the right file?`]);
  }
  try {
    return parseYaml(yamlText);
  } catch (err) {
    throw new ErrorClass(source, [`not valid YAML: ${(err as Error).message.split('\n')[0]!.replace(/:\s*$/, '')}; fix the syntax there`]);
  }
}

/** Reads a data file's text; a missing or unreadable file is reported with the file's own error class and `remedy`. */
export function readDataFile(path: string, ErrorClass: YamlFileError, remedy: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new ErrorClass(path, [`cannot read the file (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); ${remedy}`]);
  }
}
