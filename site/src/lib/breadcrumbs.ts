/** "Home → Part I → Axiom 1" trails, derived from the catalog rather than typed into each page. */
import { partHeading, parts } from '../data/catalog.ts';

export interface Crumb {
  label: string;
  href: string;
}

export function breadcrumbsFor(slug: string, pageTitle: string): Crumb[] {
  const trail: Crumb[] = [{ label: 'Home', href: '/' }];
  const clean = slug.replace(/^\/+|\/+$/g, '');
  if (clean === '') return trail;
  const part = parts.find((p) => clean === p.slug || clean.startsWith(`${p.slug}/`));
  if (part && clean !== part.slug) trail.push({ label: partHeading(part), href: `/${part.slug}/` });
  if (clean.startsWith('tools/')) trail.push({ label: 'Tools', href: '/tools/' });
  trail.push({ label: pageTitle, href: `/${clean}/` });
  return trail;
}
