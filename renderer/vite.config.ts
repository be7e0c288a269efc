import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative asset URLs, so the same build loads from app://sahman/ (kiosk) and http://127.0.0.1 (serve).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // The kiosk ships Chromium 140 (Electron 45) and Debian's is newer still.
    target: 'chrome120',
    modulePreload: { polyfill: false },
  },
});
