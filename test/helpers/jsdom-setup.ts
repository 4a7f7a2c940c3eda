// jsdom lacks what Fluent UI asks the browser for (reduced-motion query, element resize); the component tests
// get inert stand-ins. Node-environment tests have no window and skip this.
if (typeof window !== 'undefined') {
  window.matchMedia ??= ((query: string) => ({
    matches: false, media: query, onchange: null,
    addListener: () => undefined, removeListener: () => undefined, addEventListener: () => undefined, removeEventListener: () => undefined,
    dispatchEvent: () => false,
  })) as typeof window.matchMedia;
  class NoResize {
    observe(): void { /* sizes never change in jsdom */ }
    unobserve(): void { /* nothing observed */ }
    disconnect(): void { /* nothing observed */ }
  }
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
  (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoResize;
}
