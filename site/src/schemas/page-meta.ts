/**
 * The page metadata that SPEC.md defines, as a schema that extends Starlight's frontmatter.
 * Kept apart from the collection definition so it can be tested on its own.
 */
import { z } from 'astro/zod';
import { normaliseRoute } from '../lib/routes.ts';

export const PAGE_TYPES = ['axiom', 'pillar', 'pattern', 'quantitative', 'human-factors', 'case-study', 'tool', 'learning-path', 'general'] as const;
export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced', 'expert'] as const;
export const STATUSES = ['draft', 'complete'] as const;

export type PageType = (typeof PAGE_TYPES)[number];
export type Difficulty = (typeof DIFFICULTIES)[number];

export function pageMetaSchema(knownRoutes: ReadonlySet<string>) {
  return z.object({
    description: z.string({ error: 'description is required: one sentence saying what the page teaches' }).min(1, 'description must not be empty'),
    type: z.enum(PAGE_TYPES, { error: `type must be one of ${PAGE_TYPES.join(', ')}` }),
    difficulty: z.enum(DIFFICULTIES, { error: `difficulty must be one of ${DIFFICULTIES.join(', ')}` }),
    prerequisites: z
      .array(z.string())
      .default([])
      .superRefine((routes, context) => {
        for (const route of routes) {
          if (!knownRoutes.has(normaliseRoute(route))) {
            context.addIssue({ code: 'custom', message: `prerequisites names "${route}", which is not a page of this site` });
          }
        }
      })
      .transform((routes) => routes.map(normaliseRoute)),
    status: z.enum(STATUSES, { error: 'status must be draft or complete' }),
    last_updated: z.coerce.date({ error: 'last_updated must be a date such as 2026-11-25' }),
    reading_time: z
      .unknown()
      .optional()
      .refine((value) => value === undefined, 'reading_time is computed from the prose at build time; remove it from the frontmatter'),
  });
}
