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

  it('is registered by a production build', () => {
    const { container, unregistered } = fakeWorkers(0);
    registerServiceWorker(true);
    expect(container.register).toHaveBeenCalledWith('./sw.js');
    expect(unregistered).toEqual([]);
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
