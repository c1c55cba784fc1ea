/**
 * What a page must contain before it may say `status: complete`, per page type, as the content issues define it.
 * The check counts what can be counted (words of prose, diagrams, exercises, references); accuracy is for reviewers.
 */
import { countWords, proseOf } from './reading-time.ts';

export interface CompletenessRule {
  minWords: number;
  /** ```ts blocks, compiled by scripts/check-code-blocks.ts. */
  minCodeBlocks?: number;
  /** `<Plot` charts drawn at build time, or islands where the reader moves a parameter. */
  minPlots?: number;
  minDiagrams: number;
  minExercises: number;
  requiredSections: readonly string[];
}

const REFERENCES = 'References';
const EXERCISES = 'Exercises';

export const RULES_BY_TYPE: Readonly<Record<string, CompletenessRule>> = {
  axiom: { minWords: 2500, minDiagrams: 2, minExercises: 5, requiredSections: [EXERCISES, 'Key takeaways', REFERENCES] },
  pillar: { minWords: 3000, minDiagrams: 2, minExercises: 5, requiredSections: [EXERCISES, 'Key takeaways', REFERENCES] },
  pattern: { minWords: 2000, minDiagrams: 2, minExercises: 3, minCodeBlocks: 1, requiredSections: [EXERCISES, REFERENCES] },
  quantitative: { minWords: 2500, minDiagrams: 0, minExercises: 3, minPlots: 1, requiredSections: [EXERCISES, REFERENCES] },
  'human-factors': { minWords: 2000, minDiagrams: 0, minExercises: 3, requiredSections: [EXERCISES, REFERENCES] },
  'case-study': { minWords: 3000, minDiagrams: 2, minExercises: 0, requiredSections: [REFERENCES] },
};

const PLACEHOLDER = /\b(TODO|TBD|FIXME|lorem ipsum)\b|coming soon/i;

export function diagramCount(source: string): number {
  return (source.match(/^```mermaid\b/gm) ?? []).length;
}

/** Exercises are `<details>` blocks (a revealable solution) inside the Exercises section. */
export function exerciseCount(source: string): number {
  const section = sectionBody(source, EXERCISES);
  return section ? (section.match(/<details\b/g) ?? []).length : 0;
}

function sectionBody(source: string, heading: string): string | undefined {
  const start = source.search(new RegExp(`^##\\s+${heading}\\b.*$`, 'm'));
  if (start === -1) return undefined;
  const rest = source.slice(start).split('\n').slice(1).join('\n');
  const next = rest.search(/^##\s/m);
  return next === -1 ? rest : rest.slice(0, next);
}

/** Problems that keep a page from being complete; empty when it meets the bar its type sets. */
export function completenessProblems(source: string, type: string): string[] {
  const problems: string[] = [];
  if (PLACEHOLDER.test(source)) problems.push('holds placeholder text (TODO, TBD, FIXME, lorem ipsum or "coming soon")');
  const rule = RULES_BY_TYPE[type];
  if (!rule) return problems;
  const words = countWords(proseOf(source));
  if (words < rule.minWords) problems.push(`has ${words} words of prose; a complete ${type} page needs at least ${rule.minWords}`);
  const untitled = (source.match(/^```mermaid\b(?![^\n]*title=")/gm) ?? []).length;
  if (untitled > 0) problems.push(`has ${untitled} diagrams without a title="..." (their accessible name)`);
  const diagrams = diagramCount(source);
  if (diagrams < rule.minDiagrams) problems.push(`has ${diagrams} diagrams; a complete ${type} page needs at least ${rule.minDiagrams}`);
  for (const heading of rule.requiredSections) {
    if (sectionBody(source, heading) === undefined) problems.push(`has no "## ${heading}" section`);
  }
  const code = (source.match(/^\s*```(ts|typescript)\b/gm) ?? []).length;
  if (code < (rule.minCodeBlocks ?? 0)) problems.push(`has ${code} TypeScript code blocks; it needs at least ${rule.minCodeBlocks}`);
  const plots = (source.match(/<(Plot|[A-Z]\w*Explorer)\b/g) ?? []).length;
  if (plots < (rule.minPlots ?? 0)) problems.push(`has ${plots} plots; a complete ${type} page needs at least ${rule.minPlots}`);
  const exercises = exerciseCount(source);
  if (exercises < rule.minExercises) problems.push(`has ${exercises} exercises with revealable solutions; it needs at least ${rule.minExercises}`);
  return problems;
}
