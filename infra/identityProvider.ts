import { type RemovalPolicy, SecretValue } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { CITY_GROUP_ROLES_ENV, cityGroupRolesSchema, IDP_GROUPS_ATTRIBUTE, type CityGroupRoles } from '../shared/features/identity/cityGroups';
import { createFunction } from './functions';

/** The city's own sign-in (Microsoft Entra ID or another OIDC or SAML provider), from context values. */
export interface CityIdentityProviderConfig {
  /** Provider name on the hosted UI and in `identity_provider=` (context `idpName`, default `EntraID`). */
  name: string;
  oidc?: { issuerUrl: string; clientId: string; clientSecretName: string };
  saml?: { metadataUrl: string };
  /** The city's group ids → Årshjul role and boards (context `idpGroupRoles`, JSON). */
  groupRoles: CityGroupRoles;
}

/** Claims and SAML attributes Entra ID sends, mapped into the user pool's attributes. */
export const ENTRA_OIDC_CLAIMS = { email: 'email', fullname: 'name', groups: 'groups' };
export const ENTRA_SAML_CLAIMS = {
  email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  fullname: 'http://schemas.microsoft.com/identity/claims/displayname',
  groups: 'http://schemas.microsoft.com/ws/2008/06/identity/claims/groups',
};

/**
 * Reads the identity provider's context values; none given → no provider. Refuses what could not work or
 * would leak: a client secret in context (it would sit in cdk.json, the shell history and the template), an
 * OIDC provider without its client id or secret name, both OIDC and SAML, or a group mapping that names no
 * Årshjul role or board.
 */
export function cityIdentityProviderFrom(context: (key: string) => unknown): CityIdentityProviderConfig | undefined {
  const text = (key: string) => {
    const value = context(key);
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (context('oidcClientSecret') !== undefined) {
    throw new Error('Never give the client secret as context: store it in Secrets Manager and give -c oidcClientSecretName=<secret name or ARN>.');
  }
  const issuerUrl = text('oidcIssuer');
  const metadataUrl = text('samlMetadataUrl');
  if (!issuerUrl && !metadataUrl) return undefined;
  if (issuerUrl && metadataUrl) throw new Error('Give the city identity provider as OIDC (-c oidcIssuer=…) or as SAML (-c samlMetadataUrl=…), not both.');
  const name = text('idpName') ?? 'EntraID';
  if (!/^[A-Za-z0-9][A-Za-z0-9.-]{0,31}$/.test(name)) throw new Error(`-c idpName=${name}: use up to 32 letters, digits, dots or dashes.`);

  const rawRoles = context('idpGroupRoles');
  if (rawRoles === undefined) {
    throw new Error('The city identity provider needs -c idpGroupRoles=\'{"<group id>":{"role":"editor","boards":["bromma"]},…}\': without it nobody signed in through it has a role.');
  }
  let parsedRoles: unknown = rawRoles;
  if (typeof rawRoles === 'string') {
    try {
      parsedRoles = JSON.parse(rawRoles);
    } catch {
      throw new Error('-c idpGroupRoles must be JSON: {"<group id>":{"role":"editor","boards":["bromma"]}}');
    }
  }
  const roles = cityGroupRolesSchema.safeParse(parsedRoles);
  if (!roles.success) {
    throw new Error(`-c idpGroupRoles: ${roles.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }

  if (issuerUrl) {
    const clientId = text('oidcClientId');
    const clientSecretName = text('oidcClientSecretName');
    const missing = [!clientId && '-c oidcClientId=…', !clientSecretName && '-c oidcClientSecretName=<Secrets Manager secret name or ARN>'].filter(Boolean);
    if (missing.length) throw new Error(`The OIDC provider ${issuerUrl} also needs ${missing.join(' and ')}.`);
    if (!issuerUrl.startsWith('https://')) throw new Error(`-c oidcIssuer=${issuerUrl}: the issuer must be an https URL.`);
    return { name, oidc: { issuerUrl, clientId: clientId!, clientSecretName: clientSecretName! }, groupRoles: roles.data };
  }
  if (!metadataUrl!.startsWith('https://')) throw new Error(`-c samlMetadataUrl=${metadataUrl}: the metadata URL must be https.`);
  return { name, saml: { metadataUrl: metadataUrl! }, groupRoles: roles.data };
}

export interface CityIdentityProviderProps {
  userPool: cognito.UserPool;
  config: CityIdentityProviderConfig;
  removalPolicy: RemovalPolicy;
}

/**
 * The city's identity provider in the user pool (and so on the hosted UI), its e-mail, name and groups
 * mapped into the pool's attributes, and the pre-token-generation trigger that turns the groups into an
 * Årshjul role (`cognito:groups`) and boards (`custom:boards`) on every token.
 */
export class CityIdentityProvider extends Construct {
  readonly provider: cognito.UserPoolIdentityProviderOidc | cognito.UserPoolIdentityProviderSaml;
  readonly trigger: lambda.Function;

  constructor(scope: Construct, id: string, props: CityIdentityProviderProps) {
    super(scope, id);
    const { config, userPool } = props;
    if (config.oidc) {
      this.provider = new cognito.UserPoolIdentityProviderOidc(this, 'Oidc', {
        userPool,
        name: config.name,
        issuerUrl: config.oidc.issuerUrl,
        clientId: config.oidc.clientId,
        // A dynamic reference: CloudFormation reads the secret at deploy time; the template holds only its name.
        clientSecret: SecretValue.secretsManager(config.oidc.clientSecretName).unsafeUnwrap(),
        scopes: ['openid', 'email', 'profile'],
        attributeRequestMethod: cognito.OidcAttributeRequestMethod.GET,
        attributeMapping: {
          email: cognito.ProviderAttribute.other(ENTRA_OIDC_CLAIMS.email),
          fullname: cognito.ProviderAttribute.other(ENTRA_OIDC_CLAIMS.fullname),
          custom: { [IDP_GROUPS_ATTRIBUTE]: cognito.ProviderAttribute.other(ENTRA_OIDC_CLAIMS.groups) },
        },
      });
    } else {
      this.provider = new cognito.UserPoolIdentityProviderSaml(this, 'Saml', {
        userPool,
        name: config.name,
        metadata: cognito.UserPoolIdentityProviderSamlMetadata.url(config.saml!.metadataUrl),
        idpSignout: true,
        attributeMapping: {
          email: cognito.ProviderAttribute.other(ENTRA_SAML_CLAIMS.email),
          fullname: cognito.ProviderAttribute.other(ENTRA_SAML_CLAIMS.fullname),
          custom: { [IDP_GROUPS_ATTRIBUTE]: cognito.ProviderAttribute.other(ENTRA_SAML_CLAIMS.groups) },
        },
      });
    }

    this.trigger = createFunction(
      this,
      { id: 'CityGroupsToRoles', entry: 'functions/auth/preTokenGeneration.ts', table: 'none' },
      {
        environment: { [CITY_GROUP_ROLES_ENV]: JSON.stringify(config.groupRoles), POWERTOOLS_SERVICE_NAME: 'arshjul' },
        removalPolicy: props.removalPolicy,
      },
    );
    userPool.addTrigger(cognito.UserPoolOperation.PRE_TOKEN_GENERATION, this.trigger);
  }
}
