import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp } from './app';
import { ENTRA_SAML_CLAIMS } from './identityProvider';
import { resourcesOf, synthTemplates } from './testing';

const groupRoles = {
  'aaaaaaaa-0000-0000-0000-000000000001': { role: 'editor', boards: ['bromma'] },
  'aaaaaaaa-0000-0000-0000-000000000002': { role: 'reviewer' },
};
const oidc = {
  oidcIssuer: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  oidcClientId: '11111111-1111-1111-1111-111111111111',
  oidcClientSecretName: 'arshjul/test/entra-client-secret',
  idpGroupRoles: JSON.stringify(groupRoles),
};
const saml = {
  samlMetadataUrl: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/federationmetadata/2007-06/federationmetadata.xml?appid=1111',
  idpName: 'Stockholm',
  idpGroupRoles: groupRoles,
};

describe('the city identity provider', () => {
  it('adds an OIDC provider (Entra ID) whose client secret is read from Secrets Manager at deploy time, never written in the template', () => {
    const { data, api } = synthTemplates({ stage: 'test', context: oidc });
    data.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'EntraID',
      ProviderType: 'OIDC',
      ProviderDetails: Match.objectLike({
        client_id: oidc.oidcClientId,
        oidc_issuer: oidc.oidcIssuer,
        authorize_scopes: 'openid email profile',
        client_secret: '{{resolve:secretsmanager:arshjul/test/entra-client-secret:SecretString:::}}',
      }),
      AttributeMapping: { email: 'email', name: 'name', 'custom:idp_groups': 'groups' },
    });
    // The web app's client offers it beside the pool's own sign-in.
    api.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO', 'EntraID'] });
  });

  it('adds a SAML provider from its metadata URL, with the Entra ID claims mapped', () => {
    const { data, api } = synthTemplates({ stage: 'test', context: saml });
    data.hasResourceProperties('AWS::Cognito::UserPoolIdentityProvider', {
      ProviderName: 'Stockholm',
      ProviderType: 'SAML',
      ProviderDetails: Match.objectLike({ MetadataURL: saml.samlMetadataUrl, IDPSignout: true }),
      AttributeMapping: { email: ENTRA_SAML_CLAIMS.email, name: ENTRA_SAML_CLAIMS.fullname, 'custom:idp_groups': ENTRA_SAML_CLAIMS.groups },
    });
    api.hasResourceProperties('AWS::Cognito::UserPoolClient', { SupportedIdentityProviders: ['COGNITO', 'Stockholm'] });
  });

  it('maps the groups to roles and boards with a pre-token-generation trigger that carries the mapping', () => {
    const { data } = synthTemplates({ stage: 'test', context: oidc });
    const [triggerId, trigger] = Object.entries(resourcesOf(data, 'AWS::Lambda::Function')).find(([, fn]) => fn.Metadata?.['arshjul:id'] === 'CityGroupsToRoles')!;
    expect(trigger.Metadata?.['arshjul:entry']).toBe('functions/auth/preTokenGeneration.ts');
    expect(JSON.parse(trigger.Properties.Environment.Variables.CITY_GROUP_ROLES)).toEqual({ ...groupRoles, 'aaaaaaaa-0000-0000-0000-000000000002': { role: 'reviewer', boards: [] } });
    data.hasResourceProperties('AWS::Cognito::UserPool', { LambdaConfig: { PreTokenGeneration: { 'Fn::GetAtt': [triggerId, 'Arn'] } } });
    data.hasResourceProperties('AWS::Lambda::Permission', { FunctionName: { 'Fn::GetAtt': [triggerId, 'Arn'] }, Principal: 'cognito-idp.amazonaws.com' });
  });

  it('always declares the groups attribute, writable by no client; without an IdP there is no provider and no trigger', () => {
    const { data, api } = synthTemplates({ stage: 'test' });
    data.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([Match.objectLike({ Name: 'idp_groups', AttributeDataType: 'String', Mutable: true })]),
    });
    expect(Object.keys(resourcesOf(data, 'AWS::Cognito::UserPoolIdentityProvider'))).toHaveLength(0);
    expect(resourcesOf(data, 'AWS::Cognito::UserPool')[Object.keys(resourcesOf(data, 'AWS::Cognito::UserPool'))[0]!].Properties.LambdaConfig).toBeUndefined();
    const [client] = Object.values(resourcesOf(api, 'AWS::Cognito::UserPoolClient'));
    expect(client!.Properties.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(client!.Properties.WriteAttributes).not.toContain('custom:idp_groups');
  });

  const refused = (context: Record<string, unknown>) => () => buildApp({ skipBundling: true, validate: false, stage: 'test', context });
  it.each([
    ['a client secret in context', { ...oidc, oidcClientSecret: 'hunter2' }, /Never give the client secret as context/],
    ['OIDC without the secret name', { ...oidc, oidcClientSecretName: undefined }, /also needs -c oidcClientSecretName=/],
    ['OIDC without the client id', { ...oidc, oidcClientId: undefined }, /also needs -c oidcClientId=/],
    ['both OIDC and SAML', { ...oidc, samlMetadataUrl: saml.samlMetadataUrl }, /not both/],
    ['no group mapping', { ...oidc, idpGroupRoles: undefined }, /needs -c idpGroupRoles=/],
    ['a mapping to an unknown role', { ...oidc, idpGroupRoles: '{"g":{"role":"superuser"}}' }, /idpGroupRoles: g\.role/],
    ['a mapping that is not JSON', { ...oidc, idpGroupRoles: '{g: editor}' }, /must be JSON/],
    ['an http issuer', { ...oidc, oidcIssuer: 'http://login.example' }, /must be an https URL/],
  ])('refuses %s', (_case, context, message) => {
    expect(refused(context)).toThrow(message);
  });
});
