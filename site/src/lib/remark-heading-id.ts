/**
 * `## Capacity Planner {#capacity-worksheet}` (in MDX, escape the brace: `\{#capacity-worksheet}`) sets the heading's id, so a published anchor can outlive a
 * change of heading text. Astro's heading-id step keeps ids that are already set.
 */
import type { Heading, Root, Text } from 'mdast';
import { visit } from 'unist-util-visit';

const CUSTOM_ID = /\s*\{#([a-z0-9-]+)\}\s*$/;

export function remarkHeadingId() {
  return (tree: Root) => {
    visit(tree, 'heading', (node: Heading) => {
      const last = node.children.at(-1);
      if (last?.type !== 'text') return;
      const match = CUSTOM_ID.exec(last.value);
      if (!match) return;
      (last as Text).value = last.value.replace(CUSTOM_ID, '');
      node.data = { ...node.data, hProperties: { ...(node.data?.hProperties ?? {}), id: match[1] } };
    });
  };
}
