import preact from '@astrojs/preact';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
import rehypeKatex from 'rehype-katex';
import remarkMath from 'remark-math';
import starlightLinksValidator from 'starlight-links-validator';
import { labs, partHeading, parts, tools } from './src/data/catalog.ts';
import { remarkHeadingId } from './src/lib/remark-heading-id.ts';
import { remarkMermaid } from './src/lib/remark-mermaid.ts';

// Astro 7's default Markdown engine (Sätteri) silently ignores remark and rehype plugins, so the unified()
// processor is chosen explicitly: math and diagrams must be rendered at build time, with no client script.
const markdownProcessor = unified({
  remarkPlugins: [remarkMath, remarkHeadingId, remarkMermaid],
  rehypePlugins: [[rehypeKatex, { output: 'htmlAndMathml', throwOnError: true, strict: 'error' }]],
});

const sidebar = [
  { label: 'Start here', items: [{ label: 'Home', link: '/' }, { label: 'Learning paths', link: '/learning-paths/' }] },
  ...parts.map((part) => ({
    label: partHeading(part),
    collapsed: part.slug !== 'part1-axioms',
    items: [
      { label: 'Overview', link: `/${part.slug}/` },
      ...part.pages.map((page) => ({ label: page.title, link: `/${page.slug}/` })),
    ],
  })),
  {
    label: 'Tools',
    items: [{ label: 'All six tools', link: '/tools/' }, ...tools.map((tool) => ({ label: tool.name, link: `/${tool.slug}/` }))],
  },
  { label: 'Labs', items: labs.map((lab) => ({ label: lab.name, link: `/${lab.slug}/` })) },
];

export default defineConfig({
  site: 'https://compendium.example',
  trailingSlash: 'always',
  markdown: { processor: markdownProcessor },
  integrations: [
    starlight({
      title: 'The Compendium of Distributed Systems',
      description: 'Distributed systems from first principles, with calculators and simulations that are actually right.',
      lastUpdated: false,
      pagination: true,
      tableOfContents: { minHeadingLevel: 2, maxHeadingLevel: 3 },
      // uPlot's stylesheet is global: Astro does not emit CSS imported by a client-only island (measured: 1.9 KB).
      customCss: ['katex/dist/katex.min.css', 'uplot/dist/uPlot.min.css', './src/styles/compendium.css'],
      components: {
        PageTitle: './src/components/overrides/PageTitle.astro',
        Hero: './src/components/overrides/Hero.astro',
      },
      sidebar,
      plugins: [starlightLinksValidator({ errorOnRelativeLinks: true, errorOnLocalLinks: true })],
    }),
    preact(),
  ],
});
