import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { roles } from '../shared/domain/actor';
import type { Stage } from './stage';

export interface AuthProps {
  stage: Stage;
  /** Hosted-UI domain prefix; must be unique in the region and may not contain "aws", "amazon" or "cognito". */
  domainPrefix: string;
}

/** How the web app's OAuth redirect URLs are derived from its origin (the web app owns these paths). */
export const webCallbackPath = '/auth/callback';
export const webLogoutPath = '/';

/**
 * Staff sign-in: a Cognito user pool with one group per role and its hosted-UI domain.
 * Users are created by an admin (no self sign-up); a role is group membership (`cognito:groups`),
 * an editor's boards are the admin-only attribute `custom:boards`.
 *
 * The web app's client is not here but beside the CloudFront distribution (see `addWebClient`): its
 * callback URLs name the distribution's domain, which the API stack creates after this one.
 */
export class Auth extends Construct {
  readonly userPool: cognito.UserPool;
  readonly domain: cognito.UserPoolDomain;

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id);
    const { stage } = props;

    this.userPool = new cognito.UserPool(this, 'UserPool', {
      userPoolName: `arshjul-${stage.name}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      customAttributes: {
        // Comma-separated board ids; set by an admin, read by the API from the ID token.
        boards: new cognito.StringAttribute({ mutable: true, minLen: 0, maxLen: 2048 }),
        locale: new cognito.StringAttribute({ mutable: true, minLen: 0, maxLen: 16 }),
        // The city identity provider's groups claim (infra/identityProvider.ts); no client may write it. Always
        // declared: Cognito cannot remove a custom attribute, so a pool must not depend on the IdP's context.
        idp_groups: new cognito.StringAttribute({ mutable: true, minLen: 0, maxLen: 2048 }),
      },
      passwordPolicy: {
        minLength: 14,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      // TOTP only: SMS needs an SNS role and costs per message.
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      // Threat protection ("advanced security") needs the PLUS plan, billed per active user: not cheap.
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      deletionProtection: !stage.disposable,
      removalPolicy: stage.removalPolicy,
    });

    // Precedence decides `cognito:preferred_role` for someone in several groups: the broadest role wins.
    const precedence: Record<(typeof roles)[number], number> = { admin: 0, executive: 1, reviewer: 2, editor: 3 };
    for (const role of roles) {
      this.userPool.addGroup(`Group-${role}`, {
        groupName: role,
        description: `Årshjul role ${role}`,
        precedence: precedence[role],
      });
    }

    this.domain = this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.domainPrefix },
    });
  }
}

export interface WebClientProps {
  stage: Stage;
  /** Origins the web app is served from (`https://arshjul.example.se`); callback and logout URLs hang off each. */
  origins: string[];
  /** The city's identity provider (infra/identityProvider.ts), offered on the hosted UI beside the pool's own sign-in. */
  identityProviderName?: string;
}

/**
 * The web app's public client: authorization code grant with PKCE, no secret (a browser cannot keep one).
 * Users may change their own locale, never their boards (that would widen their own access).
 */
export function addWebClient(scope: Construct, id: string, userPool: cognito.IUserPool, props: WebClientProps): cognito.UserPoolClient {
  if (props.origins.length === 0) throw new Error('The web client needs at least one origin');
  return new cognito.UserPoolClient(scope, id, {
    userPool,
    userPoolClientName: `arshjul-${props.stage.name}-web`,
    generateSecret: false,
    authFlows: { userSrp: true },
    oAuth: {
      flows: { authorizationCodeGrant: true },
      scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL, cognito.OAuthScope.PROFILE],
      callbackUrls: props.origins.map((origin) => `${origin}${webCallbackPath}`),
      logoutUrls: props.origins.map((origin) => `${origin}${webLogoutPath}`),
    },
    supportedIdentityProviders: [
      cognito.UserPoolClientIdentityProvider.COGNITO,
      ...(props.identityProviderName ? [cognito.UserPoolClientIdentityProvider.custom(props.identityProviderName)] : []),
    ],
    preventUserExistenceErrors: true,
    enableTokenRevocation: true,
    accessTokenValidity: Duration.hours(1),
    idTokenValidity: Duration.hours(1),
    refreshTokenValidity: Duration.days(30),
    // Required attributes (email) must stay writable or Cognito rejects the client.
    writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ email: true, fullname: true }).withCustomAttributes('locale'),
  });
}
