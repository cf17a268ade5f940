// Fails when the committed src/gql differs from what codegen would write now,
// i.e. when someone changed the schema or a document and forgot `npm run codegen`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const scratch = mkdtempSync(join(tmpdir(), 'tocsin-codegen-'));
const committed = 'src/gql';
try {
  execFileSync('npx', ['graphql-codegen', '--config', 'codegen.ts', '--silent'], {
    stdio: 'inherit',
    env: { ...process.env, CODEGEN_OUT: scratch + '/' },
  });
  const names = new Set([...readdirSync(scratch), ...(existsSync(committed) ? readdirSync(committed) : [])]);
  const stale = [...names].filter((name) => {
    const a = join(scratch, name);
    const b = join(committed, name);
    return !existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8');
  });
  if (stale.length > 0) {
    console.error(`src/gql is out of date (${stale.join(', ')}): run \`npm run codegen\` and commit the result.`);
    process.exit(1);
  }
  console.log('src/gql is up to date.');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
