import { defineCollection } from 'astro:content';
import { fileURLToPath } from 'node:url';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { routesInContentDirectory } from './lib/routes.ts';
import { pageMetaSchema } from './schemas/page-meta.ts';

const contentDirectory = fileURLToPath(new URL('./content/docs/', import.meta.url));

export const collections = {
  docs: defineCollection({
    loader: docsLoader(),
    schema: docsSchema({ extend: pageMetaSchema(routesInContentDirectory(contentDirectory)) }),
  }),
};
