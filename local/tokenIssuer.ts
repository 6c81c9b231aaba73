import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK, type JWTPayload } from 'jose';
import type { Role } from '../shared/domain/actor';

export const LOCAL_ISSUER = 'urn:arshjul:local';
export const LOCAL_AUDIENCE = 'arshjul-local';

type Key = CryptoKey | Uint8Array;

/**
 * Signs and verifies the local stack's tokens. The claims have the shape Cognito ID tokens have
 * (`cognito:groups`, `custom:boards`, `name`), so handlers read both the same way. Local only: nothing in
 * infra/ or functions/ imports this.
 */
export class LocalTokenIssuer {
  private constructor(
    private readonly privateKey: Key,
    private readonly publicKey: Key,
  ) {}

  /** Loads the signing key from `file`, or makes one, so tokens stay valid across restarts. */
  static async open(file?: string): Promise<LocalTokenIssuer> {
    if (file) {
      try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
        return new LocalTokenIssuer(await importJWK(stored.privateJwk, 'ES256'), await importJWK(stored.publicJwk, 'ES256'));
      } catch {
        // No key yet.
      }
    }
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    if (file) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ privateJwk: await exportJWK(privateKey), publicJwk: await exportJWK(publicKey) }), {
        mode: 0o600,
      });
    }
    return new LocalTokenIssuer(privateKey, publicKey);
  }

  async issue(claims: { sub: string; role: Role; boards?: string[]; name?: string; email?: string; locale?: 'sv' | 'en' }): Promise<string> {
    return new SignJWT({
      'cognito:groups': [claims.role],
      'custom:boards': (claims.boards ?? []).join(','),
      ...(claims.locale ? { 'custom:locale': claims.locale } : {}),
      ...(claims.name ? { name: claims.name } : {}),
      ...(claims.email ? { email: claims.email } : {}),
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject(claims.sub)
      .setIssuer(LOCAL_ISSUER)
      .setAudience(LOCAL_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.privateKey);
  }

  /** Verifies as API Gateway's JWT authorizer does: signature, issuer, audience, expiry. */
  async verify(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE });
      return payload;
    } catch {
      return undefined;
    }
  }
}
