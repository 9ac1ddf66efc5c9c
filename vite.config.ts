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
        // What the first page needs ($initial: statically imported from the entry) goes in one file instead of
        // some fifty small chunks: on a phone's connection each request costs a round trip, and the first paint
        // waited for the last of them. The engine, which the lab fetches after that paint (ui/lab/engineLoader.ts),
        // is one more file with every panel's share of it; panels and lessons fetched later keep their own chunks.
        codeSplitting: {
          groups: [
            { name: 'initial', tags: ['$initial'] },
            { name: 'engine', test: ENGINE },
          ],
        },
      },
    },
  },
});
