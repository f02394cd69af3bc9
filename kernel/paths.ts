import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project checkout: the nearest folder above this module with a package.json. Walking up
 * (instead of a fixed `..`) gives the same root from the sources (`kernel/`) and from the build
 * (`dist/kernel/`), so bundled resources, migrations and static files resolve from either.
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${start}: cannot locate the project's resources`);
  }
}

export const PROJECT_ROOT = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const resourcePath = (...parts: string[]): string => path.join(PROJECT_ROOT, 'resources', ...parts);
