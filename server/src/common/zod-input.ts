import type { z } from 'zod';
import { badUserInput } from './errors.js';

/**
 * Checks input against a schema; every problem is reported at its field (`input.orgNumber`),
 * and nothing runs when any is found.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = 'input'): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  throw badUserInput(fields, fields[0]?.message ?? 'Invalid input');
}
