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
export type Account = z.infer<typeof accountSchema>;
