import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

// The SSR build's entry is server/app.ts (the HTTP pipeline around React Router), so that the
// pipeline and the route modules share one copy of every module (contexts, database handle).
export default defineConfig({
  build: { chunkSizeWarningLimit: 2000 },
  environments: {
    ssr: { build: { rollupOptions: { input: './server/app.ts' } } },
  },
  ssr: { external: ['@electric-sql/pglite', 'pg'] },
  plugins: [reactRouter()],
});
