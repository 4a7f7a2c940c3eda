import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { schemaDir, validateAgainstSchemas, validateManifest } from '../../scripts/validate-manifest';
import { ADDIN_DIR, BUILD_ARGS, ensureBuilt, TEST_BASE_URL } from '../functions/harness';

// office-addin-manifest also handles the JSON (unified) manifest through @microsoft/app-manifest, whose
// dependency strip-bom is an ES module that Jest's module system cannot load; XML manifests never reach it.
jest.mock('@microsoft/app-manifest', () => ({}));

const ROOT = join(__dirname, '..', '..');
const SCHEMAS = schemaDir();
if (!SCHEMAS && process.env.CI) throw new Error('Microsoft\'s manifest schemas (../shared/reference/office-manifest-xsd) are missing: CI must validate the built manifests against them');
const withSchemas = SCHEMAS ? test : test.skip;

const KINDS = { 'manifest.xml': 'shared', 'manifest-excel2016-2019.xml': 'classic' } as const;
const NAMES = Object.keys(KINDS) as Array<keyof typeof KINDS>;
const built = (name: string): string => readFileSync(join(ADDIN_DIR, name), 'utf8');

describe(`the built add-in (npm ${BUILD_ARGS.join(' ')})`, () => {
  // Builds first when dist/addin-test is missing or older than its sources (about a minute; longer when busy).
  beforeAll(() => { ensureBuilt(); }, 420_000);

  test('the README\'s intranet command builds both manifests for that server, none left pointing at localhost', () => {
    for (const name of NAMES) {
      const xml = built(name);
      expect([name, xml.includes('localhost')]).toEqual([name, false]);
      expect(validateManifest(xml)).toMatchObject({ errors: [], warnings: [], kind: KINDS[name], base: TEST_BASE_URL });
    }
  });

  withSchemas("both built manifests conform to Microsoft's manifest schema (XSD)", async () => {
    for (const name of NAMES) expect([name, await validateAgainstSchemas(built(name), SCHEMAS!)]).toEqual([name, []]);
  });

  test('every URL of both manifests names a file of the build', () => {
    for (const name of NAMES) {
      const urls = [...built(name).matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThan(5);
      for (const url of urls) {
        expect(url.startsWith(TEST_BASE_URL)).toBe(true);
        const file = url.slice(TEST_BASE_URL.length);
        expect([name, file, existsSync(join(ADDIN_DIR, file))]).toEqual([name, file, true]);
      }
    }
  });

  test('read with office-addin-manifest: one add-in, the pane under the intranet base', async () => {
    const [shared, classic] = await Promise.all(NAMES.map((n) => OfficeAddinManifest.readManifestFile(join(ADDIN_DIR, n))));
    expect(classic.id).toBe(shared.id);
    expect(classic.version).toBe(shared.version);
    expect(classic.displayName).toBe('预算表校核助手');
    expect([shared.defaultSettings?.sourceLocation, classic.defaultSettings?.sourceLocation]).toEqual([`${TEST_BASE_URL}taskpane.html`, `${TEST_BASE_URL}taskpane.html`]);
    expect([shared.hosts, shared.permissions, shared.appDomains]).toEqual([['Workbook'], 'ReadWriteDocument', []]);
  });

  test('the pages: the webview check before the bundles, the shared core first; commands.html has the pane\'s bundles only', () => {
    const scripts = (page: string): string[] => [...readFileSync(join(ADDIN_DIR, page), 'utf8').matchAll(/<script[^>]*src="?([^"\s>]+)/g)].map((m) => m[1]);
    expect(scripts('taskpane.html')).toEqual(['office-js/office.js', 'webview/probe.js', 'webview/check.js', `${TEST_BASE_URL}core.js`, `${TEST_BASE_URL}functions.js`, `${TEST_BASE_URL}taskpane.js`]);
    expect(scripts('commands.html')).toEqual(['office-js/office.js', 'webview/probe.js', 'webview/check.js', `${TEST_BASE_URL}core.js`, `${TEST_BASE_URL}taskpane.js`]);
    // Copied as written: the check must stay ES5 and the probe must stay the syntax it probes for.
    for (const f of ['probe.js', 'check.js']) expect(readFileSync(join(ADDIN_DIR, 'webview', f), 'utf8')).toBe(readFileSync(join(ROOT, 'taskpane', 'webview', f), 'utf8'));
  });

  test('the function metadata in both languages, written by the build itself', () => {
    const en = readFileSync(join(ADDIN_DIR, 'functions.json'), 'utf8');
    const zh = readFileSync(join(ADDIN_DIR, 'functions.zh-CN.json'), 'utf8');
    expect(en).not.toMatch(/\p{Script=Han}/u);
    expect(zh).toMatch(/\p{Script=Han}/u);
  });

  test('npm run validate takes the built manifests as paths', () => {
    const r = spawnSync('npm', ['run', '--silent', 'validate', '--', ...NAMES.map((n) => join(ADDIN_DIR, n))], {
      cwd: ROOT, encoding: 'utf8', timeout: 120_000, shell: process.platform === 'win32',
    });
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: '' });
    expect(r.stdout).toContain('manifest.xml：通过（0 个错误，0 个警告）');
    expect(r.stdout).toContain('manifest-excel2016-2019.xml：通过（0 个错误，0 个警告）');
    expect(r.stdout.split(`URL 基址 / URL base: ${TEST_BASE_URL}`)).toHaveLength(3);
  }, 120_000);
});
