import { request } from 'node:http';
import { fileFor, startPlayground, type Playground } from '../../scripts/playground';

// The webpack build of the three bundles takes 30–60 s (more on a busy machine).
const BUILD_TIMEOUT = 300_000;

interface Reply {
  status: number;
  type: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request: the path is sent as written (fetch would normalise `/../` away). */
function get(base: string, path: string, method = 'GET'): Promise<Reply> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

let pg: Playground | undefined;

beforeAll(async () => {
  // build: false still builds when dist/playground is missing or older than the sources.
  pg = await startPlayground({ port: 0, build: false });
}, BUILD_TIMEOUT);

afterAll(async () => {
  await pg?.close();
});

describe('playground server', () => {
  test('listens on loopback only', () => {
    expect(pg!.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves the page with the bundles in order, the stub first, the shared core before functions and pane', async () => {
    const r = await get(pg!.url, '/');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/html/);
    expect(r.body).toContain('预算表校核助手');
    expect(r.body).toMatch(/id="?root"?/);
    const order = ['playground.js', 'core.js', 'functions.js', 'taskpane.js'].map((f) => r.body.indexOf(f));
    expect(order.every((i) => i > 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Nothing may be loaded from elsewhere.
    expect(r.headers['content-security-policy']).toContain("default-src 'self'");
    expect(r.body).not.toMatch(/(src|href)="?https?:/);
  });

  test('serves the sample workbook snapshot', async () => {
    const r = await get(pg!.url, '/sample.json');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^application\/json/);
    const book = JSON.parse(r.body) as { sheets: { name: string; rows: unknown[][] }[] };
    // The nine tables, then 项目绩效目标表, 政府采购预算表, 固定资产占用情况表.
    expect(book.sheets).toHaveLength(12);
    expect(book.sheets.map((s) => s.name)).toContain('收入总表');
    expect(book.sheets.every((s) => s.rows.length > 0)).toBe(true);
  });

  test('serves the task pane bundle as JavaScript', async () => {
    const r = await get(pg!.url, '/taskpane.js');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/javascript/);
    expect(r.body.length).toBeGreaterThan(1000);
  });

  test('answers 404 for a missing file and 405 for other methods', async () => {
    expect((await get(pg!.url, '/nothing-here.js')).status).toBe(404);
    expect((await get(pg!.url, '/', 'POST')).status).toBe(405);
  });

  test.each(['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/..\\package.json'])(
    'does not leave its directory: %s', async (path) => {
      const r = await get(pg!.url, path);
      expect([400, 404]).toContain(r.status);
      expect(r.body).not.toContain('"devDependencies"');
    },
  );

  test('says clearly when the port is taken', async () => {
    const port = Number(new URL(pg!.url).port);
    await expect(startPlayground({ port, build: false })).rejects.toThrow(/端口 \d+ 已被占用.*port \d+ is already in use/s);
  });
});

describe('fileFor', () => {
  const root = '/srv/pg';
  test('maps paths inside the root, / to index.html', () => {
    expect(fileFor(root, '/')).toBe('/srv/pg/index.html');
    expect(fileFor(root, '/assets/icon-32.png?x=1')).toBe('/srv/pg/assets/icon-32.png');
    expect(fileFor(root, '/%E6%94%B6.json')).toBe('/srv/pg/收.json');
  });
  test('refuses anything that could leave it', () => {
    for (const p of ['/../x', '/a/../../x', '/%2e%2e/x', '/..%2fx', '/a\\..\\x', '/%00', '/%zz', 'x']) expect(fileFor(root, p)).toBeUndefined();
  });
});
