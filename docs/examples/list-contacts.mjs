// Logs in to the Call-Em-All API v1 (or the Callboard sandbox) and lists the first contacts.
// npm install oauth-1.0a, then: CEA_API_URL=http://127.0.0.1:8090 CEA_APP_KEY=... CEA_SECRET_KEY=... node list-contacts.mjs
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';

const api = process.env.CEA_API_URL ?? 'http://127.0.0.1:8090';
const oauth = OAuth({
  consumer: { key: process.env.CEA_APP_KEY, secret: process.env.CEA_SECRET_KEY },
  signature_method: 'HMAC-SHA1',
  hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
});

async function call(method, path, { token, body } = {}) {
  const url = `${api}${path}`;
  // The AuthToken is the OAuth token; it has no secret of its own.
  const signature = oauth.toHeader(oauth.authorize({ url, method }, token ? { key: token, secret: '' } : undefined));
  const response = await fetch(url, {
    method,
    headers: { ...signature, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

// Login is signed with the AppKey and SecretKey alone.
const { AuthToken } = await call('POST', '/v1/user/login', {
  body: { UserName: process.env.CEA_USER ?? 'apitest@cea', PinCode: process.env.CEA_PIN ?? 'notmypwd123!!!' },
});
const page = await call('GET', '/v1/contacts?pagesize=5', { token: AuthToken });
console.log(`${page.Size} contacts; the first ${page.Items.length}:`);
for (const contact of page.Items) console.log(`  ${contact.PersonID} ${contact.FirstName} ${contact.LastName} ${contact.PrimaryPhone}`);
