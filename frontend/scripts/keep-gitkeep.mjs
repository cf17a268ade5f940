// vite empties dist/ before each build; the Go build embeds frontend/dist and
// the repository keeps the folder alive with dist/.gitkeep, so put it back.
import { writeFileSync } from 'node:fs';

writeFileSync(new URL('../dist/.gitkeep', import.meta.url), '');
