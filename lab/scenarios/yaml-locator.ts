/**
 * Maps a path into a parsed YAML document (`['steps', 2, 'say', 'text']`) back to a line and column
 * of the file, so every validation error of a scenario file says where it is.
 */
import { isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair } from 'yaml';

export type YamlPath = readonly PropertyKey[];

export interface Position {
  line: number;
  column: number;
}

export interface YamlLocator {
  /**
   * Where the node at `path` starts; where the deepest existing ancestor starts when the path
   * goes further than the file does (a missing option points at its step). `key`: the position of
   * the key `key` of the mapping at `path` instead (an unknown option points at its name).
   */
  at(path: YamlPath, options?: { key?: string }): Position;
  /** The YAML node at `path`, or undefined. */
  node(path: YamlPath): Node | undefined;
}

export function createYamlLocator(doc: Document, lineCounter: LineCounter): YamlLocator {
  const position = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 1, column: 1 };
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const walk = (path: YamlPath): { node: Node | undefined; deepest: Node | undefined } => {
    let node = doc.contents ?? undefined;
    let deepest = node;
    for (const segment of path) {
      const next = child(node, segment);
      if (!next) return { node: undefined, deepest };
      node = next.value ?? undefined;
      // A key with no value (`say:`) has no value node: its key is the best place to point at.
      deepest = node && node.range ? node : next.key ?? deepest;
    }
    return { node, deepest };
  };
  return {
    node: (path) => walk(path).node,
    at(path, options = {}) {
      const { node, deepest } = walk(path);
      if (options.key !== undefined && node) {
        const pair = child(node, options.key);
        if (pair?.key?.range) return position(pair.key.range[0]);
      }
      return position(deepest?.range?.[0]);
    },
  };
}

/** The pair (map) or item (sequence) under `node` for a path segment. */
function child(node: Node | undefined, segment: PropertyKey): { key?: Node; value: Node | null } | undefined {
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment] as Node | null | undefined;
    return item === undefined ? undefined : { value: item };
  }
  if (isMap(node)) {
    const pair = (node.items as Pair<Node, Node | null>[]).find((p) => keyText(p.key) === String(segment));
    return pair ? { key: pair.key, value: pair.value } : undefined;
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : undefined;
}
