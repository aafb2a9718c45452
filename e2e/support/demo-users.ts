/** The demo account's logins the specs use (the sandbox seeds them). */
export const DEMO_MASTER = { userName: 'apitest@cea', pinCode: 'notmypwd123!!!' } as const;
export const DEMO_LIMITED = { userName: 'han@cea', pinCode: 'kessel-run-12' } as const;
