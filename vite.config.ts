// Builds the browser app: Svelte 5 components, relative asset paths (so dist/ works from any folder), out to dist/,
// with a service worker that keeps it all for offline use.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { lessonsPlugin } from './src/lessons/viteLessonsPlugin.ts';
import { offlinePlugin } from './src/ui/offline/viteOfflinePlugin.ts';

export default defineConfig({
  base: './',
  plugins: [svelte(), lessonsPlugin(), offlinePlugin()],
  build: { outDir: 'dist', emptyOutDir: true },
});
