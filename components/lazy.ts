/**
 * Code the first paint does not need (the saved list, the links, the line actions, the search
 * engine) is loaded with `import()` after it: the panel's first module stays small, so the
 * transcript shows sooner. One load per module, shared by every component that asks for it.
 */
import { useEffect, useState } from 'preact/hooks';

export interface LazyModule<T> {
  /** Starts the load (once) and resolves to the module. */
  load(): Promise<T>;
  /** The module if it has loaded. */
  now(): T | undefined;
}

export function lazyModule<T>(importer: () => Promise<T>): LazyModule<T> {
  let loaded: T | undefined;
  let loading: Promise<T> | undefined;
  return {
    load: () => {
      loading ??= importer().then((module) => {
        loaded = module;
        return module;
      });
      return loading;
    },
    now: () => loaded,
  };
}

/**
 * The module once loaded (`undefined` until then), or the error that stopped it loading (shown by
 * the caller, never swallowed); loads it when `wanted`.
 */
export function useLazyModule<T>(module: LazyModule<T>, wanted = true): T | Error | undefined {
  const [value, setValue] = useState<T | Error | undefined>(module.now);
  useEffect(() => {
    if (!wanted || value) return;
    let live = true;
    module.load().then(
      (loaded) => {
        if (live) setValue(() => loaded);
      },
      (error: unknown) => {
        if (live) setValue(error instanceof Error ? error : new Error(String(error)));
      },
    );
    return () => {
      live = false;
    };
  }, [module, wanted, value]);
  return value;
}

/** What a panel shows when its code could not be loaded. */
export const loadFailure = (error: Error) =>
  `This part of the companion could not be loaded (${error.message}). Reloading the page may help.`;

/** Calls `run` once the browser is idle (or soon, where it has no idle callbacks). */
export function whenIdle(run: () => void): () => void {
  if ('requestIdleCallback' in globalThis) {
    const id = requestIdleCallback(run);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 1);
  return () => clearTimeout(id);
}
