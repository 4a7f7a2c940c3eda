// Builds the add-in into dist/addin: one shared-runtime page (taskpane.html) that loads the functions bundle and
// the task pane bundle (with the ribbon commands), the ribbon's page for Excel without a shared runtime
// (commands.html: the task pane bundle alone), the functions metadata generated from the JSDoc by
// custom-functions-metadata-plugin (never hand-written) in English and Chinese, both manifests (manifest.xml and
// manifest-excel2016-2019.xml) with their URLs pointed at the chosen base, the icons, the webview check, and
// office.js itself (served with the add-in: closed government networks reach no CDN).
//   npm run build:addin                                                      → https://localhost:3000/
//   npm run build:addin -- --env baseUrl=https://budget.czj.example/addin/   → an intranet web server
// Other settings (--env): out=NAME builds into dist/NAME instead of dist/addin (npm start uses dist/addin-debug,
// so it never replaces a production build); playground adds the playground and builds into dist/playground.
const fs = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

const DEV_BASE = 'https://localhost:3000/';
/** The manifests, each emitted under its own name with the base URL rewritten. */
const MANIFESTS = ['manifest.xml', 'manifest-excel2016-2019.xml'];

/** A manifest with every URL moved from the dev server to `baseUrl` (the manifests keep all URLs under one base). */
function rewriteManifest(xml, baseUrl) {
  return xml.split(DEV_BASE).join(baseUrl);
}

/** Emits files that are not modules: the manifests (with the base URL rewritten), icons, the webview check, highs.wasm and office.js. */
class StaticFilesPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('StaticFiles', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'StaticFiles', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const name of MANIFESTS) {
          compilation.emitAsset(name, new RawSource(rewriteManifest(fs.readFileSync(path.join(__dirname, name), 'utf8'), this.baseUrl)));
        }
        // ES5 and ES2020 on purpose, never through the TypeScript loader: see taskpane/webview/check.js.
        for (const f of ['probe.js', 'check.js']) {
          compilation.emitAsset(`webview/${f}`, new RawSource(fs.readFileSync(path.join(__dirname, 'taskpane', 'webview', f))), { minimized: true });
        }
        // HiGHS compiled to WebAssembly, fetched by the solver chunk (solver.js) from beside it.
        compilation.emitAsset('highs.wasm', new RawSource(fs.readFileSync(require.resolve('highs/runtime'))), { minimized: true });
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

/**
 * Splits the bilingual functions.json that custom-functions-metadata-plugin generated into functions.json
 * (English) and functions.zh-CN.json (Chinese), in the build itself: `npm run build:addin` is webpack alone, so
 * every option given to it reaches webpack, and the dev server serves the same two files. A description
 * without both languages fails the build (scripts/localize-functions.ts).
 */
class LocalizeFunctionsPlugin {
  apply(compiler) {
    const { RawSource } = compiler.webpack.sources;
    compiler.hooks.thisCompilation.tap('LocalizeFunctions', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'LocalizeFunctions', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const asset = compilation.getAsset('functions.json');
        if (!asset) return; // the metadata plugin reported why
        // The localizer is TypeScript (tested on its own): tsx loads it here as it runs the project's scripts.
        const { localize, ZH_FILE } = require('tsx/cjs/api').require('./scripts/localize-functions.ts', __filename);
        try {
          const { en, zh } = localize(JSON.parse(asset.source.source().toString()));
          // Four-space indent, as custom-functions-metadata writes it.
          compilation.updateAsset('functions.json', new RawSource(JSON.stringify(en, null, 4)));
          compilation.emitAsset(ZH_FILE, new RawSource(JSON.stringify(zh, null, 4)));
        } catch (e) {
          compilation.errors.push(new compiler.webpack.WebpackError(`functions/functions.ts: ${e.message}`));
        }
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
  if (!/^https:\/\/[^/?#\s]+\/[^?#\s]*$/.test(baseUrl)) throw new Error(`baseUrl must be an https:// URL without query or fragment (Office requires HTTPS): ${baseUrl}`);
  const out = playground ? 'playground' : env.out ?? 'addin';
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(out)) throw new Error(`out must be a folder name under dist/: ${out}`);
  const outDir = path.resolve(__dirname, 'dist', out);
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
    // The solver (HiGHS compiled to WebAssembly, with the error locator) is a chunk of its own, solver.js, loaded
    // only after a validation that found errors (and by CHECKTOTALS "detail"): the first load does not carry it.
    output: { path: outDir, filename: '[name].js', chunkFilename: '[name].js', clean: true, publicPath: playground ? '' : baseUrl },
    // `./x.js` in a dynamic import() (TypeScript's Node rules want the extension) is the TypeScript source.
    resolve: {
      extensions: ['.ts', '.tsx', '.js'],
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
      // highs' classic build: it finds highs.wasm only through the locateFile the pane gives (the add-in's own
      // files), where the ES module build would make webpack resolve it against the page (and name this machine's
      // folders in the bundle).
      alias: { highs$: require.resolve('highs') },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } }],
    },
    // The shared-runtime page loads both entries: what both use (the engine, the catalog, the layouts) is one
    // chunk, core.js, listed before them on every page that loads either, instead of a copy in each. No vendor
    // chunks otherwise: the first load is exactly what the pages list, and the solver is one file.
    optimization: {
      splitChunks: {
        cacheGroups: {
          default: false,
          defaultVendors: false,
          core: { name: 'core', chunks: (chunk) => chunk.name === 'functions' || chunk.name === 'taskpane', minChunks: 2, minSize: 0, enforce: true },
        },
      },
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
      new LocalizeFunctionsPlugin(),
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['functions', 'taskpane'], chunksSortMode: 'manual' }),
      // The ribbon's page where there is no shared runtime: the commands without the pane or the functions.
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './taskpane/commands.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './taskpane/help.html', chunks: [] }),
      ...(playground ? [new HtmlWebpackPlugin({ filename: 'index.html', template: './playground/index.html', chunks: ['playground', 'functions', 'taskpane'], chunksSortMode: 'manual' })] : []),
      new StaticFilesPlugin(baseUrl),
      // highs' loader imports Node's modules in Node only (node:module, node:fs…): never in a browser.
      new webpack.IgnorePlugin({ resourceRegExp: /^node:/, contextRegExp: /[\\/]node_modules[\\/]highs[\\/]/ }),
    ],
    performance: { hints: false },
    devServer: {
      static: outDir,
      port: 3000,
      server: https ? { type: 'https', options: https } : 'https',
      headers: { 'Access-Control-Allow-Origin': '*' },
    },
  };
};

module.exports.DEV_BASE = DEV_BASE;
module.exports.MANIFESTS = MANIFESTS;
module.exports.rewriteManifest = rewriteManifest;
