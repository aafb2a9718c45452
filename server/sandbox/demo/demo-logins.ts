/**
 * The demo logins, printed at start-up and named in README. Apart from the demo data, so the server's main thread,
 * which only prints them, loads neither the seed nor the PIN hashing (the sandbox thread seeds).
 */
export const demoUsers = [
  {
    UserName: 'apitest@cea',
    PinCode: 'notmypwd123!!!',
    role: 'master user: sees and manages everything',
  },
  {
    UserName: 'leia@cea',
    PinCode: 'alderaan-1977',
    role: 'staff: sees all broadcasts, contacts and audio',
  },
  {
    UserName: 'han@cea',
    PinCode: 'kessel-run-12',
    role: 'staff: sees only their own work',
  },
] as const;
