import { z } from './zod.ts';

/** The IDs in a path are replaced by `:id`, so the route names no one: `/v1/contacts/:id`. */
export function routePatternOf(path: string): string {
  const [pathname = ''] = path.split(/[?#]/, 1);
  return pathname
    .split('/')
    .map((segment) => (segment === '' || /^(v\d+|[a-z]{1,24})$/.test(segment) ? segment : ':id'))
    .join('/');
}

/** Body of POST /api/answer-mismatches: where answers did not fit, never what they held. */
export const answerMismatchReportSchema = z.strictObject({
  Method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']),
  /** Only words and `:id` between the slashes, so no ID or name can ride along. */
  Route: z
    .string()
    .max(200)
    .regex(/^(\/(v\d{1,2}|[a-z]{1,24}|:id))*\/?$/),
  Fields: z
    .array(z.strictObject({ Field: z.string().regex(/^[A-Za-z0-9_.[\]]{1,200}$/), Expected: z.string().regex(/^[a-z_]{1,40}$/) }))
    .min(1)
    .max(50),
});
export type AnswerMismatchReport = z.infer<typeof answerMismatchReportSchema>;
