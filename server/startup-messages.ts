import { demoUsers } from './sandbox/demo/demo-logins.ts';

/** The demo account's logins, as `npm start` and `npm run sandbox` print them. */
export function demoLoginLines(): string[] {
  return ['Demo logins:', ...demoUsers.map((user) => `  ${user.UserName.padEnd(14)} ${user.PinCode.padEnd(16)} ${user.role}`)];
}
