import { z } from 'zod';

/** One place for every content schema; types are inferred from them, never written twice. */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const partSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  description: z.string().min(1),
  /** Where the part's sample outputs come from and what its behaviour was last checked against (issue 19). */
  versions: z.strictObject({ samples: z.string().min(3), checked: z.string().min(3) }).optional(),
});
export const partsFileSchema = z.array(partSchema).min(1);
export type Part = z.infer<typeof partSchema>;

export const chapterFrontmatterSchema = z.strictObject({
  title: z.string().min(3),
  description: z.string().min(20).max(220),
  part: slug,
  order: z.number().int().positive(),
  objectives: z.array(z.string().min(5)).min(2, 'list at least two learning objectives'),
  /** Minutes to read; computed when absent. */
  minutes: z.number().int().positive().optional(),
});
export type ChapterFrontmatter = z.infer<typeof chapterFrontmatterSchema>;

export const glossaryFrontmatterSchema = z.strictObject({
  title: z.string().min(1),
  short: z.string().min(10).max(240),
  /** Other spellings and old names, used by search ("minion" for node). */
  aliases: z.array(z.string().min(1)).default([]),
  /** Links to where chapters teach the term: "/chapters/slug" or "/chapters/slug#anchor". */
  related: z.array(z.string().regex(/^\/chapters\/[a-z0-9-]+(#[a-z0-9-]+)?$/, 'must look like /chapters/slug#anchor')).default([]),
  /** The Korean name (as kubernetes.io's Korean localisation writes it), other Korean spellings, and a short definition. */
  ko: z
    .strictObject({
      title: z.string().min(1),
      aliases: z.array(z.string().min(1)).default([]),
      short: z.string().min(5).max(240),
    })
    .optional(),
});
export type GlossaryFrontmatter = z.infer<typeof glossaryFrontmatterSchema>;
