// Builds the add-in into dist/addin: the custom functions bundle, its functions.json (generated from the
// JSDoc by custom-functions-metadata-plugin, never hand-written) and the shared-runtime page that loads it.
// The base URL the manifest points at is a build setting: npm run build:addin -- --env baseUrl=https://intranet/budget/
const path = require('node:path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');

module.exports = (env = {}, argv = {}) => ({
  mode: argv.mode ?? 'production',
  devtool: argv.mode === 'development' ? 'source-map' : false,
  entry: { functions: './functions/functions.ts' },
  output: { path: path.resolve(__dirname, 'dist', 'addin'), filename: '[name].js', clean: true, publicPath: env.baseUrl ?? '/' },
  resolve: { extensions: ['.ts', '.js'] },
  module: {
    rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } }],
  },
  plugins: [
    new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: './functions/functions.ts' }),
    new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './taskpane/taskpane.html', chunks: ['functions'] }),
  ],
  performance: { hints: false },
});
