import { fileURLToPath } from 'node:url';

/**
 * The folder holding this project's code and node_modules. Not Astro's `root`: test and benchmark
 * builds give each site its own root (and so its own `.astro/` folder) while sharing this code.
 * Only for files Node loads directly (the config and its integrations), never for code Vite bundles.
 */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
