/**
 * Main-thread time with the content script on the stack, from a CDP CPU profile: for the
 * benchmarks of its load (bench-browser.ts) and of player discovery (bench-discovery.ts).
 */
/** What is read of a CDP `Profiler.Profile`. */
interface Profile {
  nodes: { id: number; children?: number[]; callFrame: { url: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/**
 * Milliseconds sampled with the content script anywhere on the stack: its own code and what it
 * calls (DOM, the extension APIs' bindings), not only its own frames. `wall` counts each sample for
 * the whole time since the sample before; `cpu` for at most twice the profile's median interval.
 * They differ when the thread was descheduled (other processes on a shared machine): the sample
 * after the stall carries all of it, though the script did no work then.
 */
export function contentScriptMs(
  profile: Profile,
  fallbackIntervalUs: number,
): { cpu: number; wall: number } {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const ours = new Map<number, boolean>();
  const isOurs = (id: number | undefined): boolean => {
    if (id === undefined) return false;
    const known = ours.get(id);
    if (known !== undefined) return known;
    const mine =
      !!byId.get(id)?.callFrame.url.includes('/content-scripts/content.js') ||
      isOurs(parent.get(id));
    ours.set(id, mine);
    return mine;
  };
  const deltas = profile.timeDeltas ?? [];
  const cap = 2 * median(deltas.length ? deltas : [fallbackIntervalUs]);
  let cpu = 0;
  let wall = 0;
  profile.samples?.forEach((id, i) => {
    if (!isOurs(id)) return;
    const delta = deltas[i] ?? 0;
    cpu += Math.min(delta, cap);
    wall += delta;
  });
  return { cpu: cpu / 1000, wall: wall / 1000 };
}
