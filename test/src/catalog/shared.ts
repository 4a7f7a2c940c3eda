// The published documents the catalog is checked against live outside the repository, in ../shared (next to
// the clone). Locally a missing folder skips those tests with a message; in CI (the CI environment variable set)
// it fails them, so CI cannot pass by skipping.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const SHARED = join(__dirname, '..', '..', '..', '..', 'shared');

const inCi = (): boolean => !['', '0', 'false'].includes((process.env.CI ?? '').trim().toLowerCase());

/**
 * The entries of ../shared/<sub> that `pick` keeps, sorted. When there are none (folder missing or empty),
 * declares a test that fails under CI, or is skipped locally, and returns an empty list.
 */
export function sharedEntries(sub: string, pick: (name: string) => boolean): string[] {
  const dir = join(SHARED, sub);
  const entries = existsSync(dir) ? readdirSync(dir).filter(pick).sort() : [];
  if (entries.length > 0) return entries;
  const why = existsSync(dir) ? `../shared/${sub} holds nothing to check` : `../shared/${sub} is not present`;
  if (inCi()) {
    test(`${why} (required when CI is set)`, () => {
      throw new Error(`${why}: ${dir}. CI must check the catalog against the published documents, not skip.`);
    });
  } else {
    test.skip(`${why}: skipped locally (set CI=1 to make this a failure)`, () => undefined);
  }
  return [];
}
