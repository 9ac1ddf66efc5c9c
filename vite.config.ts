// Builds the browser app: Svelte 5 components, relative asset paths (so dist/ works from any folder), out to dist/.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { lessonsPlugin } from './src/lessons/viteLessonsPlugin.ts';

export default defineConfig({
  base: './',
  plugins: [svelte(), lessonsPlugin()],
  build: { outDir: 'dist', emptyOutDir: true },
});
