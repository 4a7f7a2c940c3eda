// Builds the add-in into dist/addin: one shared-runtime page (taskpane.html) that loads the functions bundle
// (custom functions + ribbon commands), the functions metadata generated from the JSDoc by
// custom-functions-metadata-plugin (never hand-written), the manifest with its URLs pointed at the chosen base,
// the icons, and office.js itself (served with the add-in: closed government networks reach no CDN).
//   npm run build:addin                                        → https://localhost:3000/
//   npm run build:addin -- --env baseUrl=https://intranet.example/budget/   → an intranet web server
const fs = require('node:fs');
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_BASE = 'https://localhost:3000/';

/** Emits files that are not modules: the manifest (with the base URL rewritten), icons and office.js. */
class StaticFilesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('StaticFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StaticFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const manifest = fs.readFileSync(path.join(__dirname, 'manifest.xml'), 'utf8').split(DEV_BASE).join(this.baseUrl);
        compilation.emitAsset('manifest.xml', new RawSource(manifest));
        const assets = path.join(__dirname, 'assets');
        if (fs.existsSync(assets)) {
          for (const f of fs.readdirSync(assets).filter((x) => x.endsWith('.png'))) compilation.emitAsset(`assets/${f}`, new RawSource(fs.readFileSync(path.join(assets, f))));
        }
        const officeJs = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
        // office.js loads the host script for the platform and the strings of the UI language: the Excel
        // hosts and the zh-CN / en-US strings are what a finance bureau needs (86 MB → under 10 MB).
        const keep = (rel) => /^(office|o15apptofilemappingtable|custom-functions-runtime|es6-promise|excel[-\w.]*)\.js$/.test(rel)
          || /^(zh-cn|en-us|agaveerrorux)\//.test(rel);
        const walk = (dir, rel) => {
          for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, e.name);
            const out = rel ? `${rel}/${e.name}` : e.name;
            if (e.isDirectory()) walk(full, out);
            else if (keep(out) && !/\.debug\.js$/.test(out)) compilation.emitAsset(`office-js/${out}`, new RawSource(fs.readFileSync(full)), { minimized: true });
          }
        };
        walk(officeJs, '');
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  // `npm start` serves dist/addin over HTTPS with the Office development certificates (trusted localhost).
  let https;
  if (env.WEBPACK_SERVE) {
    try {
      https = await require('office-addin-dev-certs').getHttpsServerOptions();
    } catch (e) {
      // Installing the development CA needs an administrator (and a desktop OS): serve with a self-signed
      // certificate instead, which Excel on the web accepts once the browser has been told to trust it.
      console.warn(`未能安装开发证书，改用自签名证书 / could not install the development certificate, using a self-signed one: ${e.message}`);
    }
  }
  const playground = Boolean(env.playground);
  const baseUrl = env.baseUrl ? (env.baseUrl.endsWith('/') ? env.baseUrl : `${env.baseUrl}/`) : DEV_BASE;
  if (!/^https:\/\//.test(baseUrl)) throw new Error(`baseUrl must be an https:// URL (Office requires HTTPS): ${baseUrl}`);
  return {
    mode: argv.mode ?? 'production',
    devtool: argv.mode === 'development' ? 'source-map' : false,
    // Two bundles on the one shared-runtime page: the custom functions (small, loaded for every recalculation)
    // and the task pane with the ribbon commands (they share the validation state, so one bundle).
    // `--env playground` adds the stub office.js and the grid, and builds into dist/playground instead.
    entry: {
      ...(playground ? { playground: './playground/index.ts' } : {}),
      functions: './functions/functions.ts',
      taskpane: ['./taskpane/commands.ts', './taskpane/ui/index.tsx'],
    },
    output: { path: path.resolve(__dirname, 'dist', playground ? 'playground' : 'addin'), filename: '[name].js', clean: true, publicPath: playground ? '' : baseUrl },
    resolve: { extensions: ['.ts', '.tsx', '.js'] },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } }],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['functions', 'taskpane'], chunksSortMode: 'manual' }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './taskpane/help.html', chunks: [] }),
      ...(playground ? [new HtmlWebpackPlugin({ filename: 'index.html', template: './playground/index.html', chunks: ['playground', 'functions', 'taskpane'], chunksSortMode: 'manual' })] : []),
      new StaticFilesPlugin(baseUrl),
    ],
    performance: { hints: false },
    devServer: {
      static: path.resolve(__dirname, 'dist', 'addin'),
      port: 3000,
      server: https ? { type: 'https', options: https } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};
