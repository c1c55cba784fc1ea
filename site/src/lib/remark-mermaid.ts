/** Replaces ```mermaid fences with the inline SVG drawn by `renderDiagram`, in .md and .mdx alike. */
import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { renderDiagram } from './mermaid.ts';

export function remarkMermaid() {
  return (tree: Root, file: VFile) => {
    visit(tree, 'code', (node: Code, index, parent) => {
      if (node.lang !== 'mermaid' || !parent || index === undefined) return;
      const title = /title="([^"]*)"/.exec(node.meta ?? '')?.[1];
      const svg = renderDiagram(node.value, { file: file.path, line: node.position?.start.line }, title);
      parent.children[index] = {
        type: 'html',
        value: `<figure class="diagram">${svg}</figure>`,
      };
    });
  };
}
