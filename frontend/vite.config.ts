import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// In development the Go server runs separately; TOCSIN_DEV_BACKEND says where.
const backend = process.env.TOCSIN_DEV_BACKEND ?? 'http://127.0.0.1:18080';

export default defineConfig({
  plugins: [react()],
  server: {
    host: '127.0.0.1',
    proxy: {
      '/graphql': { target: backend, ws: true, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
