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
  const baseUrl = env.baseUrl ? (env.baseUrl.endsWith('/') ? env.baseUrl : `${env.baseUrl}/`) : DEV_BASE;
  if (!/^https:\/\//.test(baseUrl)) throw new Error(`baseUrl must be an https:// URL (Office requires HTTPS): ${baseUrl}`);
  return {
    mode: argv.mode ?? 'production',
    devtool: argv.mode === 'development' ? 'source-map' : false,
    entry: { functions: ['./functions/functions.ts', './taskpane/commands.ts'] },
    output: { path: path.resolve(__dirname, 'dist', 'addin'), filename: '[name].js', clean: true, publicPath: baseUrl },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } }],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['functions'] }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './taskpane/help.html', chunks: [] }),
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
