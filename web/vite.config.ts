import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const api = process.env.INSYN_API_URL ?? 'http://localhost:4000';

/**
 * Two pages: the SPA (index.html) and the bundled GraphiQL (graphiql.html). Everything is served
 * from our own origin; the server's CSP allows no inline or third-party scripts.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    // Use @insyn/shared from its TypeScript source, so the web never waits for its build.
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rollupOptions: {
      input: {
        index: here('./index.html'),
        graphiql: here('./graphiql.html'),
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
});
