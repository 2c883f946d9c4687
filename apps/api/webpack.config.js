const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
    // Each entry exports what it exports: the report worker's default function is what Piscina calls.
    library: { type: 'commonjs2' },
    ...(process.env.NODE_ENV !== 'production' && {
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    }),
  },
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      compiler: 'tsc',
      main: './src/main.ts',
      // Progression reports render on worker threads, which load this file beside main.js.
      // So do portfolio exports' summary PDFs.
      additionalEntryPoints: [
        { entryName: 'report-worker', entryPath: './src/progression/report-worker.ts' },
        { entryName: 'portfolio-pdf-worker', entryPath: './src/portfolio-export/portfolio-pdf-worker.ts' },
      ],
      tsConfig: './tsconfig.app.json',
      assets: [],
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: false,
      sourceMap: true,
    }),
  ],
};
