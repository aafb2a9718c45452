import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { log } from '../http/log.ts';
import { JSON_BODY_LIMIT, UPLOAD_BODY_LIMIT, closeWhenBodyUnread, isUploadRoute, limitBody } from '../http/request-bodies.ts';
import { authenticate } from './auth.ts';
import { removeStaleAuthTokens } from './model/auth-tokens.ts';
import type { SandboxDeps, SandboxEnv } from './context.ts';
import { SandboxError } from './http/errors.ts';
import { refuseUndocumentedRoutes, routeNotFound } from './http/documented-routes.ts';
import { accountRoutes } from './routes/account.ts';
import { contactRoutes } from './routes/contacts.ts';
import { listRoutes } from './routes/lists.ts';
import { fileUploadRoutes } from './routes/file-uploads.ts';
import { broadcastRoutes } from './routes/broadcasts.ts';
import { broadcastReportRoutes } from './routes/broadcast-reports.ts';
import { audioRoutes } from './routes/audio.ts';
import { textNumberRoutes } from './routes/text-numbers.ts';
import { conversationRoutes } from './routes/conversations.ts';
import { optOutRoutes } from './routes/opt-outs.ts';
import { phoneNumberRoutes } from './routes/phone-numbers.ts';
import { userRoutes } from './routes/users.ts';
import { singleSignOnRoutes } from './routes/single-sign-on.ts';
import { controlRoutes } from './routes/control.ts';
import { loginRoutes } from './routes/login.ts';

/** Uploads (CSV files, audio) may be large; everything else is JSON of modest size. */
const isUpload = (c: Context) => isUploadRoute(c.req.method, c.req.path);
const tooLarge = (limit: string) => () => {
  throw new SandboxError('PayloadTooLarge', `The request body is larger than ${limit}.`);
};

/** The sandbox: the v1 API on SQLite, signed like the real service, answering errors in the documented body. */
export function createSandboxApp(deps: SandboxDeps) {
  const app = new Hono<SandboxEnv>();

  app.onError((error, c) => {
    if (error instanceof SandboxError) return c.json(error.toBody(), error.status as 400);
    if (error instanceof HTTPException && error.status === 413) {
      return c.json(new SandboxError('PayloadTooLarge', 'The request body is too large.').toBody(), 413);
    }
    log.error({ part: 'sandbox', method: c.req.method, err: error }, 'unexpected error');
    return c.json(new SandboxError('InternalError', 'The sandbox failed to handle this request.').toBody(), 500);
  });
  app.notFound((c) => {
    throw routeNotFound(c.req.method, c.req.path);
  });

  app.use('*', closeWhenBodyUnread);
  // The same limits as our server holds its routes to (server/http/request-bodies.ts).
  const limitUpload = limitBody({ maxSize: UPLOAD_BODY_LIMIT, onError: tooLarge('128 MB') });
  const limitJson = limitBody({ maxSize: JSON_BODY_LIMIT, onError: tooLarge('4 MB') });
  app.use('*', (c, next) => (isUpload(c) ? limitUpload : limitJson)(c, next));
  // Once at start: no live session can hold an AuthToken this old (decision 0115).
  removeStaleAuthTokens(deps.db, deps.clock.now());
  app.use('/v1/*', authenticate(deps));
  app.use('/sandbox/*', authenticate(deps));
  if (deps.documentedOnly) app.use('/v1/*', refuseUndocumentedRoutes);

  app.route('/v1', loginRoutes(deps));
  app.route('/v1', accountRoutes(deps));
  app.route('/v1', contactRoutes(deps));
  app.route('/v1', listRoutes(deps));
  app.route('/v1', fileUploadRoutes(deps));
  app.route('/v1', broadcastRoutes(deps));
  app.route('/v1', broadcastReportRoutes(deps));
  app.route('/v1', audioRoutes(deps));
  app.route('/v1', textNumberRoutes(deps));
  app.route('/v1', conversationRoutes(deps));
  app.route('/v1', optOutRoutes(deps));
  app.route('/v1', phoneNumberRoutes(deps));
  app.route('/v1', userRoutes(deps));
  app.route('/v1', singleSignOnRoutes(deps));
  app.route('/sandbox', controlRoutes(deps));
  return app;
}
