import type { Answer } from './answer.ts';
import { z } from './zod.ts';
import { apiDateTimeSchema, uriSchema } from './common.ts';

/** Our account model (docs/decisions/0006-account-model.md): company details and credit balances; the sources name only the balances. */
export const accountSchema = z.object({
  Uri: uriSchema,
  AccountID: z.int(),
  CompanyName: z.string(),
  AccountStatus: z.string(),
  Address: z.string(),
  City: z.string(),
  State: z.string(),
  Zip: z.string(),
  Phone: z.string(),
  /** Credits on the account. */
  CallBalance: z.number(),
  /** Credits reserved by scheduled and running broadcasts. */
  PendingCallBalance: z.number(),
  /** Credits free to spend: CallBalance − PendingCallBalance. */
  AvailableCallUnits: z.number(),
  CanCreateUsers: z.boolean(),
  CreatedDate: apiDateTimeSchema,
});
export type Account = Answer<z.infer<typeof accountSchema>>;

/** What the credit ledger records: credits spent on calls, texts and transfers, and credits bought. */
export const creditKinds = ['Call', 'Text', 'Transfer', 'Purchase'] as const;
export type CreditKind = (typeof creditKinds)[number];

const creditsByKindSchema = z.object({
  Call: z.number(),
  Text: z.number(),
  Transfer: z.number(),
  Purchase: z.number(),
});

/** A calendar date in the user's time zone, `yyyy-MM-dd`. */
const calendarDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected yyyy-MM-dd');

/**
 * Our usage report (docs/decisions/0041-account-usage.md): credits by kind for a range of days, with every day of
 * the range listed (zeros included) so charts need no gap filling.
 */
export const accountUsageSchema = z.object({
  DateFrom: calendarDateSchema,
  DateTo: calendarDateSchema,
  /** `Account` for users who see every broadcast; `OwnBroadcasts` when only the user's own spending is counted. */
  Scope: z.enum(['Account', 'OwnBroadcasts']),
  /** Credits spent on calls, texts and transfers in the range. */
  CreditsUsed: z.number(),
  CreditsPurchased: z.number(),
  Totals: creditsByKindSchema,
  Days: z.array(creditsByKindSchema.extend({ Date: calendarDateSchema })),
});
export type AccountUsage = Answer<z.infer<typeof accountUsageSchema>>;
