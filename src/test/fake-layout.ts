// jsdom lays nothing out and scrolls nothing: every element measures 0 px and scrollTo does not
// exist, so a virtualized list would render every row and could never move. This gives elements
// a fixed size, and scrollable boxes a working scrollTop and scrollTo (content height read from
// the first child's inline height, as virtualized lists set it).

const scrollTops = new WeakMap<Element, number>();

function contentHeight(element: HTMLElement): number {
  const child = element.firstElementChild;
  const height = child instanceof HTMLElement ? Number.parseFloat(child.style.height) : NaN;
  return Number.isFinite(height) ? height : element.clientHeight;
}

function maxScrollTop(element: HTMLElement): number {
  return Math.max(0, contentHeight(element) - element.clientHeight);
}

type Patch = [target: object, property: string, descriptor: PropertyDescriptor];

export function fakeLayout({ viewport = 600, width = 800, row = 48 } = {}): () => void {
  const patches: Patch[] = [
    [HTMLElement.prototype, 'clientHeight', { get: () => viewport }],
    [HTMLElement.prototype, 'clientWidth', { get: () => width }],
    [HTMLElement.prototype, 'offsetHeight', { get: () => row }],
    [
      HTMLElement.prototype,
      'scrollHeight',
      {
        get(this: HTMLElement) {
          return contentHeight(this);
        },
      },
    ],
    [
      HTMLElement.prototype,
      'scrollTop',
      {
        get(this: HTMLElement) {
          return scrollTops.get(this) ?? 0;
        },
        set(this: HTMLElement, value: number) {
          scrollTops.set(this, Math.min(Math.max(0, value), maxScrollTop(this)));
        },
      },
    ],
    [
      HTMLElement.prototype,
      'scrollTo',
      {
        writable: true,
        value(this: HTMLElement, options?: ScrollToOptions) {
          if (options?.top !== undefined) this.scrollTop = options.top;
          this.dispatchEvent(new Event('scroll'));
        },
      },
    ],
  ];
  const originals = patches.map(
    ([target, property]) =>
      [target, property, Object.getOwnPropertyDescriptor(target, property)] as const,
  );
  for (const [target, property, descriptor] of patches) {
    Object.defineProperty(target, property, { configurable: true, ...descriptor });
  }
  return () => {
    for (const [target, property, descriptor] of originals) {
      if (descriptor) Object.defineProperty(target, property, descriptor);
      else Reflect.deleteProperty(target, property);
    }
  };
}
