// A small standards-following OpenID Connect provider for the single sign-on tests: the npm `oidc-provider`
// package (OpenID Certified) on a free loopback port, one confidential test client that must use PKCE, and a
// development interaction that signs in a test user chosen by name, with or without a second factor (amr).
import http from 'node:http';
import net from 'node:net';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';
import { startServer } from './server.mjs';

export const CLIENT_ID = 'meldroute-test';

/** A free TCP port on 127.0.0.1 (for a server whose URL must be known before it starts). */
export async function freePort() {
  const probe = net.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => { text += chunk; });
    req.on('end', () => resolve(new URLSearchParams(text)));
    req.on('error', reject);
  });
}

/**
 * Starts the provider. `users` maps a login name (the subject) to its claims, e.g.
 * { 'af-sso': { name: 'Anna Fokkema', preferred_username: 'a.fokkema', roles: ['mensenhandel-af'] } };
 * the map may be changed while the provider runs (a role change at the provider).
 * @returns {Promise<{issuer: string, clientSecret: string, users: object, stop: () => Promise<void>}>}
 */
export async function startIdentityProvider({ redirectUri, users }) {
  const server = http.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const clientSecret = randomBytes(24).toString('base64url');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key-1', use: 'sig', alg: 'RS256' };

  const provider = new Provider(issuer, {
    clients: [{
      client_id: CLIENT_ID,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    }],
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // amr with the openid scope, so that every ID token says how the user signed in.
    claims: {
      acr: null, sid: null, auth_time: null, iss: null,
      openid: ['sub', 'amr'], profile: ['name', 'preferred_username', 'roles'],
    },
    // The roles travel in the ID token, as meldroute reads them there.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    async findAccount(ctx, sub) {
      if (!users[sub]) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...users[sub] }) };
    },
    // The test client is first-party: consent is implied.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile');
      grant.addOIDCClaims(['name', 'preferred_username', 'roles']);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();

  // The development interaction: a form with the login name and a "second factor used" box.
  server.on('request', async (req, res) => {
    if (!req.url.startsWith('/interaction/')) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (req.method === 'GET') {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><html lang="en"><title>Test provider</title><form method="post" action="/interaction/${details.uid}">`
          + '<label>Login <input name="login"></label><label><input type="checkbox" name="mfa" value="1"> second factor</label>'
          + '<button>Sign in</button></form></html>');
        return undefined;
      }
      const form = await readForm(req);
      return provider.interactionFinished(req, res, {
        login: { accountId: form.get('login'), amr: form.get('mfa') ? ['pwd', 'mfa'] : ['pwd'] },
      }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.statusCode = 400;
      res.end(String(error.message));
      return undefined;
    }
  });

  return {
    issuer,
    clientSecret,
    users,
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/**
 * Starts the provider and a demo meldroute configured for it: the client secret in a file (mode 0600), the
 * redirect URI on a port chosen beforehand, and `roles` as the --oidc-role mappings ("VALUE=ROLE"). With
 * `configFile`, the settings go into the [oidc] table of a configuration file (`serve --config`) instead of flags.
 * @returns {Promise<{idp: object, server: object, restart: () => Promise<object>, stop: () => Promise<void>}>}
 */
export async function startWithIdentityProvider({ users, roles, configFile = false }) {
  const port = await freePort();
  const redirectUri = `http://127.0.0.1:${port}/inloggen/gemeente-account/terug`;
  const idp = await startIdentityProvider({ redirectUri, users });
  const secretDir = mkdtempSync(path.join(tmpdir(), 'meldroute-oidc-'));
  const secretFile = path.join(secretDir, 'client-secret');
  writeFileSync(secretFile, `${idp.clientSecret}\n`, { mode: 0o600 });
  let args = ['--oidc-issuer', idp.issuer, '--oidc-client-id', CLIENT_ID, '--oidc-client-secret-file', secretFile,
    '--oidc-redirect-uri', redirectUri, ...roles.flatMap((mapping) => ['--oidc-role', mapping])];
  if (configFile) {
    const file = path.join(secretDir, 'meldroute.toml');
    writeFileSync(file, ['[oidc]', `issuer = "${idp.issuer}"`, `client-id = "${CLIENT_ID}"`,
      `client-secret-file = "${secretFile}"`, `redirect-uri = "${redirectUri}"`,
      "roles = '''", ...roles, "'''", ''].join('\n'));
    args = ['--config', file];
  }
  let server;
  try {
    server = await startServer({ listen: `127.0.0.1:${port}`, args });
  } catch (error) {
    await idp.stop();
    rmSync(secretDir, { recursive: true, force: true });
    throw error;
  }
  return {
    idp,
    server,
    /** Restarts meldroute on the same data directory and port (the provider keeps running). */
    async restart() {
      this.server = await this.server.restart();
      return this.server;
    },
    async stop() {
      await this.server.stop();
      this.server.cleanup();
      await idp.stop();
      rmSync(secretDir, { recursive: true, force: true });
    },
  };
}
