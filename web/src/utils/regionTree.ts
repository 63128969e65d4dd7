import type { RegionItem } from '@/api/types';

export interface RegionNode {
  value: string;
  label: string;
  fullName: string;
  level: number;
  children?: RegionNode[];
}

/** Builds the tree el-tree-select / el-tree expect from the flat subtree the API returns. */
export function buildRegionTree(regions: RegionItem[]): RegionNode[] {
  const nodes = new Map<string, RegionNode>();
  for (const r of regions) nodes.set(r.code, { value: r.code, label: r.name, fullName: r.fullName, level: r.level });
  const roots: RegionNode[] = [];
  for (const r of regions) {
    const node = nodes.get(r.code)!;
    const parent = r.parentCode ? nodes.get(r.parentCode) : undefined;
    if (parent) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: RegionNode[]) => {
    list.sort((a, b) => a.value.localeCompare(b.value));
    list.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}

/** `root` and every region below it, from the flat list the API returns (empty root → null, meaning no limit). */
export function regionSubtree(regions: Pick<RegionItem, 'code' | 'parentCode'>[], root: string | null | undefined): Set<string> | null {
  if (!root) return null;
  const children = new Map<string, string[]>();
  for (const r of regions) {
    if (r.parentCode) {
      const list = children.get(r.parentCode);
      if (list) list.push(r.code);
      else children.set(r.parentCode, [r.code]);
    }
  }
  const out = new Set<string>();
  const stack = [root];
  while (stack.length) {
    const code = stack.pop()!;
    if (out.has(code)) continue;
    out.add(code);
    stack.push(...(children.get(code) ?? []));
  }
  return out;
}
