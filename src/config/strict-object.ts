import { z } from 'astro/zod';
import { unknownKeyMessage } from './config-error.ts';

/**
 * Like `z.strictObject`, but each unknown key is its own issue at its own path, with a
 * suggestion ("descripton": did you mean "description"?), reported alongside the other
 * field errors instead of hiding them.
 */
export function strictObject<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = Object.keys(shape);
  return z
    .looseObject(shape)
    .superRefine(
      (value, context) => {
        if (typeof value !== 'object' || value === null) return;
        for (const key of Object.keys(value)) {
          if (!known.includes(key)) context.addIssue({ code: 'custom', path: [key], message: unknownKeyMessage(key, known) });
        }
      },
      // Run even when a known field failed, so a typo and a missing field are reported together.
      { when: () => true },
    )
    .transform(
      (value) =>
        Object.fromEntries(Object.entries(value).filter(([key]) => known.includes(key))) as z.output<z.ZodObject<Shape>>,
    );
}
