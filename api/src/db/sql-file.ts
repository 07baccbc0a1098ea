import fs from 'node:fs';
import path from 'node:path';

const cache = new Map<string, string>();

/**
 * Reads a `.sql` file that sits next to the calling module, once.
 * Example: `const listAreas = sqlFile(__dirname, 'list-areas.sql')`.
 */
export function sqlFile(dir: string, name: string): string {
  const file = path.join(dir, name);
  let text = cache.get(file);
  if (text === undefined) {
    text = fs.readFileSync(file, 'utf8');
    cache.set(file, text);
  }
  return text;
}
