import { z } from 'astro/zod';
import { unknownKeysMessage } from './config-error.ts';

/** `z.strictObject` whose unknown-key error names the key and suggests the one it probably meant. */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? unknownKeysMessage(issue.keys, known) : undefined),
  });
}
