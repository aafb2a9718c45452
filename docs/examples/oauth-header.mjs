// Prints an OAuth 1.0a Authorization header for one request, for curl (list-contacts.sh):
// node oauth-header.mjs METHOD URL [AUTH_TOKEN], with CEA_APP_KEY and CEA_SECRET_KEY set.
import { createHmac } from 'node:crypto';
import OAuth from 'oauth-1.0a';

const [method, url, token] = process.argv.slice(2);
const oauth = OAuth({
  consumer: { key: process.env.CEA_APP_KEY, secret: process.env.CEA_SECRET_KEY },
  signature_method: 'HMAC-SHA1',
  hash_function: (base, key) => createHmac('sha1', key).update(base).digest('base64'),
});
console.log(oauth.toHeader(oauth.authorize({ url, method }, token ? { key: token, secret: '' } : undefined)).Authorization);
