import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { graphqlDocuments } from './scripts/graphql-documents';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
/**
 * React Router publishes the same code twice, differing only in its developer warnings; its
 * package exports only the development copy. The build uses the production copy (no warnings in
 * the shell every page loads); the dev server and the tests keep the warnings.
 */
const reactRouterProduction = fileURLToPath(new URL('../production/index.mjs', import.meta.resolve('react-router')));
const api = process.env.INSYN_API_URL ?? 'http://localhost:4000';

/**
 * Two pages: the SPA (index.html) and the bundled GraphiQL (graphiql.html). Everything is served
 * from our own origin; the server's CSP allows no inline or third-party scripts.
 */
export default defineConfig(({ command }) => ({
  root: here('.'),
  // Each chunk imports only its own GraphQL documents (see scripts/graphql-documents.ts).
  plugins: [graphqlDocuments({ gqlDir: here('./src/gql') }), react()],
  resolve: {
    // Use @insyn/shared from its TypeScript source, so the web never waits for its build.
    conditions: ['source', 'module', 'browser', 'development|production'],
    alias: command === 'build' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    modulePreload: { polyfill: false },
    // GraphiQL (a developer tool, its own page) is one large chunk; the public pages are
    // checked against their own budget by scripts/bundle-size.mjs.
    chunkSizeWarningLimit: 800,
    rollupOptions: {
      input: {
        index: here('./index.html'),
        graphiql: here('./graphiql.html'),
      },
      onwarn(warning, warn) {
        // GraphiQL's React Compiler runtime carries a "use no memo" directive; harmless when bundled.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Few, stable vendor chunks: fewer requests and better compression than many small
        // shared chunks, and they stay cached across releases of the app code.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            {
              name: 'vendor',
              test: /node_modules[\\/](@apollo|rxjs|optimism|@wry|tslib|react-router|cookie|set-cookie-parser|i18next|react-i18next|html-parse-stringify|void-elements|use-sync-external-store)[\\/]/,
              priority: 2,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: api, changeOrigin: true },
      '/healthz': { target: api, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: api, changeOrigin: true },
      '/healthz': { target: api, changeOrigin: true },
    },
  },
}));
