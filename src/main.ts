// The browser entry point: mounts the app into index.html's #app.
import { mount } from 'svelte';
import App from './ui/App.svelte';

mount(App, { target: document.getElementById('app') as HTMLElement });
