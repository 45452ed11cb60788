import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The sample district's source folder (content/ at the repository root). */
export const CONTENT = resolve(dirname(fileURLToPath(import.meta.url)), '../../content');
