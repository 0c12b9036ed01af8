import { fakeLayout } from '@/test/fake-layout';

// jsdom lays nothing out: fakeLayout gives every element a size so the virtualised chat draws
// rows. Here the chat's scrolling log is also made taller than any conversation, so the chat
// draws every loaded message, in both trees: what a virtualised list happens to have in its
// window (which depends on its scroll history) is not compared, the whole conversation is.

const TALL = 10_000_000;

export function tallChatLayout(): () => void {
  const restore = fakeLayout();
  const patched = ['offsetHeight', 'clientHeight'].map((property) => {
    const inner = Object.getOwnPropertyDescriptor(HTMLElement.prototype, property)!;
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'log' ? TALL : inner.get!.call(this);
      },
    });
    return [property, inner] as const;
  });
  return () => {
    for (const [property, inner] of patched)
      Object.defineProperty(HTMLElement.prototype, property, inner);
    restore();
  };
}
