// The browser entry point: mounts the app into index.html's #app — or, with `?story=Name`, one component's
// story page (src/ui/stories/NameStory.svelte), where a view can be looked at on its own.
import { mount, type Component } from 'svelte';
import App from './ui/App.svelte';
import { registerServiceWorker } from './ui/offline/registerServiceWorker.ts';
import './ui/theme.css';

const stories = import.meta.glob<{ default: Component }>('./ui/stories/*Story.svelte');
const target = document.getElementById('app') as HTMLElement;
const loadStory =
  stories[`./ui/stories/${new URLSearchParams(location.search).get('story') ?? ''}Story.svelte`];

// Not a top-level await: the entry shares its chunk with what a story imports (vite.config.ts), and a chunk that
// awaited a chunk importing it would never finish loading.
if (loadStory) void loadStory().then((story) => mount(story.default, { target }));
else mount(App, { target });

registerServiceWorker(import.meta.env.PROD);
