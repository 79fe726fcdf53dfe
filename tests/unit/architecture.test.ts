/**
 * The house rules of the code base, checked on its import graph (as refined-github's
 * build/features.test.ts checks its conventions):
 * - imports run one way: entrypoints → components → lib, and inside lib/ downwards between its
 *   folders (LIB_LAYERS below), with no cycles anywhere;
 * - nothing shipped imports the build-time pipeline (lib/ingest);
 * - lib/ never imports Preact nor touches `document`/`window` outside lib/listen and lib/page;
 * - no source file over 300 lines.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const AREAS = ['lib', 'components', 'entrypoints'];

/** What each part of lib/ may import from lib/ ('' is lib's loose files). */
const LIB_LAYERS: Record<string, string[]> = {
  '': [''],
  episode: ['', 'episode'],
  page: ['', 'episode', 'page'],
  listen: ['', 'episode', 'page', 'listen'],
  search: ['', 'episode', 'search'],
  favourites: ['', 'episode', 'favourites'],
  ingest: ['', 'episode', 'ingest'],
};

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const FILES = AREAS.flatMap((area) => sources(join(ROOT, area)));

/** The project files a source file imports (type-only imports included: they couple too). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.flatMap((spec) => {
    const bare = spec.split('?')[0] ?? spec;
    let base: string;
    if (bare.startsWith('@/')) base = join(ROOT, bare.slice(2));
    else if (bare.startsWith('.')) base = resolve(dirname(file), bare);
    else return [];
    const found = ['', '.ts', '.tsx', '/index.ts']
      .map((ext) => base + ext)
      .find((p) => FILES.includes(p));
    return found ? [found] : [];
  });
}

const GRAPH = new Map(FILES.map((file) => [file, importsOf(file)]));
const rel = (file: string) => relative(ROOT, file);
/** lib/'s part of a file: its folder under lib/, or '' for a loose file; undefined outside lib. */
function libPart(file: string): string | undefined {
  const path = rel(file);
  if (!path.startsWith('lib/')) return undefined;
  const parts = path.split('/');
  return parts.length > 2 ? (parts[1] ?? '') : '';
}

describe('architecture', () => {
  it('finds the code base', () => {
    expect(FILES.length).toBeGreaterThan(80);
    expect(GRAPH.get(join(ROOT, 'components/Sidebar.tsx'))?.length).toBeGreaterThan(5);
  });

  it('imports run entrypoints → components → lib, never back', () => {
    const wrong: string[] = [];
    for (const [file, imports] of GRAPH) {
      const from = rel(file).split('/')[0];
      for (const target of imports) {
        const to = rel(target).split('/')[0];
        if (from === 'lib' && to !== 'lib') wrong.push(`${rel(file)} → ${rel(target)}`);
        if (from === 'components' && to === 'entrypoints')
          wrong.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('lib/ folders import only the layers below them', () => {
    const wrong: string[] = [];
    for (const [file, imports] of GRAPH) {
      const from = libPart(file);
      if (from === undefined) continue;
      const allowed = LIB_LAYERS[from];
      if (!allowed) {
        wrong.push(`${rel(file)}: lib/${from} is not a known layer`);
        continue;
      }
      for (const target of imports) {
        const to = libPart(target);
        if (to !== undefined && !allowed.includes(to)) wrong.push(`${rel(file)} → ${rel(target)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('nothing shipped imports the build-time pipeline (lib/ingest)', () => {
    const wrong: string[] = [];
    for (const [file, imports] of GRAPH) {
      if (rel(file).startsWith('lib/ingest/')) continue;
      for (const target of imports)
        if (rel(target).startsWith('lib/ingest/')) wrong.push(`${rel(file)} → ${rel(target)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('lib/ knows nothing of Preact, and only lib/listen and lib/page touch the document', () => {
    const wrong: string[] = [];
    for (const file of FILES) {
      const part = libPart(file);
      if (part === undefined) continue;
      const text = readFileSync(file, 'utf8');
      if (/from 'preact/.test(text)) wrong.push(`${rel(file)} imports Preact`);
      const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      if (part !== 'listen' && part !== 'page' && /\b(document|window)\./.test(code))
        wrong.push(`${rel(file)} touches document/window`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'visiting') {
        cycles.push([...path.slice(path.indexOf(file)), file].map(rel).join(' → '));
        return;
      }
      state.set(file, 'visiting');
      path.push(file);
      for (const target of GRAPH.get(file) ?? []) visit(target);
      path.pop();
      state.set(file, 'done');
    };
    for (const file of FILES) visit(file);
    expect(cycles).toEqual([]);
  });

  it('keeps every source file under 300 lines', () => {
    const long = FILES.map((file) => ({
      file: rel(file),
      lines: readFileSync(file, 'utf8').split('\n').length,
    })).filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });
});
