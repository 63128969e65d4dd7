import { onBeforeUnmount, ref } from 'vue';

/** Reactive `window.matchMedia(query).matches` (false outside a browser). */
export function useMediaQuery(query: string) {
  const mql = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia(query) : null;
  const matches = ref(mql?.matches ?? false);
  const update = (e: MediaQueryListEvent) => { matches.value = e.matches; };
  mql?.addEventListener('change', update);
  onBeforeUnmount(() => mql?.removeEventListener('change', update));
  return matches;
}
