/**
 * Build-time rendering of ```mermaid fences to inline SVG with beautiful-mermaid (pure JS, no browser).
 * Colours come from Starlight's CSS variables, so the theme toggle recolours a diagram without any script.
 */
import { parseMermaid, renderMermaidSVG } from 'beautiful-mermaid';

/** A diagram that cannot be drawn; the build stops with the file and line so the author can fix it. */
export class DiagramError extends Error {
  constructor(message: string, where: DiagramSource) {
    super(`${where.file ?? '<unknown file>'}:${where.line ?? '?'}: mermaid diagram: ${message}`);
    this.name = 'DiagramError';
  }
}

export interface DiagramSource {
  file?: string;
  line?: number;
}

const THEME = {
  bg: 'var(--sl-color-bg)',
  fg: 'var(--sl-color-white)',
  line: 'var(--sl-color-gray-3)',
  accent: 'var(--sl-color-text-accent)',
  muted: 'var(--sl-color-gray-2)',
  surface: 'var(--sl-color-bg-nav)',
  border: 'var(--sl-color-gray-4)',
  transparent: true,
} as const;

/** Authors' explicit `fill:#hex` would stay light in the dark theme; every highlight becomes the theme's accent tint. */
const HIGHLIGHT_FILL = 'var(--sl-color-accent-low)';

const OPENERS: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * beautiful-mermaid is lenient: a malformed node such as `A[ -->` renders an empty picture instead of failing.
 * These checks catch what a reader would otherwise see as a silently broken diagram.
 */
function checkBrackets(code: string, where: DiagramSource): void {
  code.split('\n').forEach((rawLine, index) => {
    const line = rawLine.replace(/"[^"]*"/g, '""');
    const stack: string[] = [];
    for (const ch of line) {
      if (ch === '(' || ch === '[' || ch === '{') stack.push(ch);
      else if (ch in OPENERS) {
        if (stack.pop() !== OPENERS[ch]) {
          throw new DiagramError(`unbalanced "${ch}" on diagram line ${index + 1}: ${rawLine.trim()}`, where);
        }
      }
    }
    if (stack.length > 0) {
      throw new DiagramError(`unclosed "${stack.at(-1)}" on diagram line ${index + 1}: ${rawLine.trim()}`, where);
    }
  });
}

function isFlowchart(code: string): boolean {
  return /^\s*(graph|flowchart)\b/.test(code);
}

function accessibleLabel(code: string): string {
  if (!isFlowchart(code)) return 'Diagram';
  const graph = parseMermaid(code);
  const labels = [...graph.nodes.values()].map((node) => node.label);
  return labels.length > 0 ? `Diagram: ${labels.join(', ')}` : 'Diagram';
}

let diagramCount = 0;

export function renderDiagram(code: string, where: DiagramSource = {}, title?: string): string {
  // Brackets delimit node shapes only in flowcharts; ER cardinalities such as ||--o{ are not brackets.
  if (isFlowchart(code)) checkBrackets(code, where);
  const themed = code.replace(/(style\s+\S+\s+[^\n]*?)fill:#[0-9a-fA-F]{3,8}/g, `$1fill:${HIGHLIGHT_FILL}`);
  let svg: string;
  let label: string;
  try {
    if (isFlowchart(themed)) {
      const graph = parseMermaid(themed);
      if (graph.nodes.size === 0 && graph.edges.length === 0) {
        throw new Error('the flowchart has no nodes or edges');
      }
    }
    svg = renderMermaidSVG(themed, THEME);
    label = title ?? accessibleLabel(themed);
  } catch (error) {
    if (error instanceof DiagramError) throw error;
    throw new DiagramError(error instanceof Error ? error.message : String(error), where);
  }
  // Several diagrams share a page: marker ids must be unique or arrows of one diagram point at another's defs.
  const prefix = `d${++diagramCount}-`;
  return inlineStyles(svg)
    .replace(/id="([^"]+)"/g, `id="${prefix}$1"`)
    .replace(/url\(#([^)]+)\)/g, `url(#${prefix}$1)`)
    .replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(label)}" class="diagram-svg" `);
}

/**
 * The renderer puts its colour variables in a <style> element inside the SVG. MDX rewrites a <style> that appears in
 * raw HTML (it becomes an empty `set:html` attribute), which left every diagram black. So the `svg { … }` rule's
 * declarations move into the <svg> element's own style attribute, the web-font imports are dropped (no third-party
 * requests), fonts come from the site, and the <style> element goes.
 */
export function inlineStyles(svg: string): string {
  const style = /<style>([\s\S]*?)<\/style>/.exec(svg)?.[1] ?? '';
  const rootRule = /(?:^|\})\s*svg\s*\{([^}]*)\}/.exec(style)?.[1] ?? '';
  const declarations = rootRule
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(';')
    .map((d) => d.trim().replace(/\s+/g, ' '))
    .filter((d) => /^--[\w-]+\s*:/.test(d));
  const extra = [...declarations, 'font-family: var(--sl-font, system-ui, sans-serif)'].join(';');
  return svg
    .replace(/<style>[\s\S]*?<\/style>\s*/g, '')
    .replace(/^<svg ([^>]*?)style="([^"]*)"/, (_match, attributes: string, existing: string) => `<svg ${attributes}style="${existing.replace(/;?$/, ';')}${extra}"`);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
