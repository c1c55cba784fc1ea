import { describe, expect, it } from 'vitest';
import { DiagramError, renderDiagram } from '../src/lib/mermaid.ts';

const flow = 'graph TD\n  A[Client] --> B[Server]\n  style A fill:#e1f5fe';

describe('build-time diagrams', () => {
  it('draws a flowchart as inline SVG with an accessible name', () => {
    const svg = renderDiagram(flow);
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('aria-label="Diagram: Client, Server"');
  });

  it('colours through Starlight variables, never a hard-coded light fill, and fetches no web font', () => {
    const svg = renderDiagram(flow);
    expect(svg).toContain('var(--sl-color-white)');
    expect(svg).not.toContain('#e1f5fe');
    expect(svg).toContain('var(--sl-color-accent-low)');
    expect(svg).not.toMatch(/@import|fonts\.googleapis/);
  });

  it('carries its colour variables on the <svg> itself and has no <style> element, which MDX would empty', () => {
    for (const code of [flow, 'sequenceDiagram\n  A->>B: hi\n  B-->>A: ok', 'classDiagram\n  Animal <|-- Duck', 'erDiagram\n  A ||--o{ B : has']) {
      const svg = renderDiagram(code);
      expect(svg).not.toContain('<style');
      const style = /^<svg [^>]*style="([^"]*)"/.exec(svg)?.[1] ?? '';
      expect(style).toContain('--fg:var(--sl-color-white)');
      expect(style).toMatch(/--_text: var\(--fg\)/);
      expect(style).toMatch(/--_node-fill: /);
      expect(style).toContain('font-family: var(--sl-font');
    }
  });

  it('gives each diagram its own marker ids so arrows never point into another diagram', () => {
    const first = renderDiagram(flow);
    const second = renderDiagram(flow);
    const ids = (svg: string) => [...svg.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(first).length).toBeGreaterThan(0);
    for (const id of ids(first)) expect(ids(second)).not.toContain(id);
    for (const [, ref] of first.matchAll(/url\(#([^)]+)\)/g)) expect(ids(first)).toContain(ref);
  });

  it('fails with the file and line on an unknown diagram type', () => {
    expect(() => renderDiagram('grph TD\n A --> B', { file: 'page.mdx', line: 12 })).toThrow(DiagramError);
    expect(() => renderDiagram('grph TD\n A --> B', { file: 'page.mdx', line: 12 })).toThrow(/^page\.mdx:12: mermaid diagram: /);
  });

  it('fails on malformed nodes that the renderer would silently draw as nothing', () => {
    expect(() => renderDiagram('graph TD\n  A[ --> B', { file: 'x.mdx', line: 3 })).toThrow(/x\.mdx:3: .*unclosed "\["/);
    expect(() => renderDiagram('graph TD\n  A --> B}', { file: 'x.mdx', line: 3 })).toThrow(/unbalanced "}"/);
    expect(() => renderDiagram('graph TD\n', { file: 'x.mdx', line: 3 })).toThrow(/no nodes or edges/);
  });

  it('accepts brackets inside quoted labels', () => {
    expect(() => renderDiagram('graph LR\n  A["f(x) = [0, 1)"] --> B')).not.toThrow();
  });
});
