import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerServiceWorker } from '../../../../src/ui/offline/registerServiceWorker.ts';
import { serviceWorkerSource } from '../../../../src/ui/offline/viteOfflinePlugin.ts';

function fakeWorkers(registrations: number) {
  const unregistered: number[] = [];
  const container = {
    register: vi.fn(() => Promise.resolve()),
    getRegistrations: () =>
      Promise.resolve(
        Array.from({ length: registrations }, (_, i) => ({ unregister: () => unregistered.push(i) })),
      ),
  };
  vi.stubGlobal('navigator', { serviceWorker: container });
  return { container, unregistered };
}

describe('the service worker', () => {
  afterEach(() => vi.unstubAllGlobals());

  // Each test below takes a module of its own: whether the first world has settled is the module's state.
  async function freshModule() {
    vi.resetModules();
    return import('../../../../src/ui/offline/registerServiceWorker.ts');
  }

  it('is registered by a production build once the first world is drawn, and not before', async () => {
    const { container, unregistered } = fakeWorkers(0);
    const { registerServiceWorker, firstWorldSettled } = await freshModule();
    registerServiceWorker(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.register).not.toHaveBeenCalled();
    firstWorldSettled();
    await vi.waitFor(() => expect(container.register).toHaveBeenCalledWith('./sw.js'));
    expect(unregistered).toEqual([]);
  });

  it('is registered after 15 s on a page whose first world never settles, such as a story', async () => {
    vi.useFakeTimers();
    try {
      const { container } = fakeWorkers(0);
      const { registerServiceWorker } = await freshModule();
      registerServiceWorker(true);
      await vi.advanceTimersByTimeAsync(14_999);
      expect(container.register).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1);
      expect(container.register).toHaveBeenCalledWith('./sw.js');
    } finally {
      vi.useRealTimers();
    }
  });

  it('is removed on the dev server, so a worker a preview left cannot serve stale files there', async () => {
    const { container, unregistered } = fakeWorkers(2);
    registerServiceWorker(false);
    await vi.waitFor(() => expect(unregistered).toEqual([0, 1]));
    expect(container.register).not.toHaveBeenCalled();
  });

  it('caches the page and every file of its build under a name that changes with the build', () => {
    const a = serviceWorkerSource('aaaa', ['./index.html', './assets/app-1.js']);
    expect(a).toContain('const FILES = ["./","./index.html","./assets/app-1.js"]');
    expect(a).toContain('const CACHE = "mail-lab-aaaa"');
    expect(serviceWorkerSource('bbbb', [])).toContain('const CACHE = "mail-lab-bbbb"');
  });
});
