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
