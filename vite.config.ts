// Builds the browser app: Svelte 5 components, relative asset paths (so dist/ works from any folder), out to dist/.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  plugins: [svelte()],
  build: { outDir: 'dist', emptyOutDir: true },
});
