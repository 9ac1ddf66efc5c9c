// Builds the browser app: Svelte 5 components, relative asset paths (so dist/ works from any folder), out to dist/,
// with a service worker that keeps it all for offline use.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { lessonsPlugin } from './src/lessons/viteLessonsPlugin.ts';
import { offlinePlugin } from './src/ui/offline/viteOfflinePlugin.ts';

/** ENGINE matches the simulation's modules and the libraries only they use (XState, valibot, DOMPurify). */
const ENGINE = /[\\/]src[\\/](sim|net|protocols)[\\/]|[\\/]node_modules[\\/](xstate|valibot|dompurify)[\\/]/;

export default defineConfig({
  base: './',
  plugins: [svelte(), lessonsPlugin(), offlinePlugin()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // What the first page needs ($initial: statically imported from the entry) goes in two files, the engine
        // and the rest, instead of some fifty small chunks: on a phone's connection each request costs a round
        // trip, and the first paint waited for the last of them. Panels and lessons fetched later keep their
        // own chunks.
        codeSplitting: {
          groups: [
            { name: 'engine', tags: ['$initial'], test: ENGINE },
            { name: 'initial', tags: ['$initial'] },
          ],
        },
      },
    },
  },
});
