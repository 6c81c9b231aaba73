import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { productionContext, resourcesOf, synthTemplates } from './testing';
import { apiRoutes } from '../shared/api/routes';
import { publicCache } from '../shared/http/caching';
import { contentSecurityPolicy, PUBLIC_API_PATH, publicQueryNames, spaRewriteCode } from './web';
import { MANAGED_RULE_GROUPS, RATE_LIMIT_PER_5_MIN } from './webAcl';

/** AWS managed CloudFront policies (fixed ids). */
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';
const ALL_VIEWER_EXCEPT_HOST_HEADER = 'b689b0a8-53d0-40ab-baf2-68738e2966ac';

const dev = synthTemplates({ stage: 'dev' });
const distributionConfig = (template = dev.api) => Object.values(resourcesOf(template, 'AWS::CloudFront::Distribution'))[0].Properties.DistributionConfig;
const buckets = (template = dev.api) => resourcesOf(template, 'AWS::S3::Bucket');
const siteBucketId = Object.keys(buckets()).find((id) => id.startsWith('WebSiteBucket'))!;
const logBucketId = Object.keys(buckets()).find((id) => id.startsWith('WebLogBucket'))!;

describe('web: the site bucket', () => {
  it('is private, encrypted, versioned, logs its access to the log bucket, and refuses plain HTTP', () => {
    const site = buckets()[siteBucketId].Properties;
    expect(site.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(site.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(site.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(site.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: logBucketId }, LogFilePrefix: 's3/site/' });
    expect(site.OwnershipControls.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    for (const bucketId of [siteBucketId, logBucketId]) {
      dev.api.hasResourceProperties('AWS::S3::BucketPolicy', {
        Bucket: { Ref: bucketId },
        PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
      });
    }
  });

  it('is read by CloudFront only, through Origin Access Control of this distribution', () => {
    const [distributionId] = Object.keys(resourcesOf(dev.api, 'AWS::CloudFront::Distribution'));
    dev.api.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: siteBucketId },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Action: 's3:GetObject',
            Condition: { StringEquals: { 'AWS:SourceArn': Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([{ Ref: distributionId }])]) }) } },
          }),
        ]),
      },
    });
    dev.api.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
  });

  it('keeps access logs private and encrypted for a limited time; retained with the site outside dev', () => {
    const logs = buckets()[logBucketId].Properties;
    expect(logs.PublicAccessBlockConfiguration.BlockPublicAcls).toBe(true);
    expect(logs.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
    expect(logs.LifecycleConfiguration.Rules).toEqual([expect.objectContaining({ ExpirationInDays: 90, Status: 'Enabled' })]);
    const prod = synthTemplates({ stage: 'prod', context: { ...productionContext, webOrigin: 'https://arshjul.example.se' } });
    for (const bucket of Object.values(buckets(prod.api))) expect(bucket.DeletionPolicy).toBe('Retain');
    expect(Object.values(buckets(prod.api)).some((b) => b.Properties.LifecycleConfiguration.Rules[0].ExpirationInDays === 365)).toBe(true);
    prod.api.resourceCountIs('Custom::S3AutoDeleteObjects', 0);
  });
});

describe('web: the distribution', () => {
  const config = distributionConfig();

  it('serves the bucket by default (cached, HTTPS redirect, SPA rewrite on viewer request) and never rewrites error responses', () => {
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.DefaultCacheBehavior).toMatchObject({
      CachePolicyId: CACHING_OPTIMIZED,
      ViewerProtocolPolicy: 'redirect-to-https',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS'],
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [expect.stringMatching(/^WebSpaRewrite/), 'FunctionARN'] } }],
    });
    expect(config.CustomErrorResponses).toBeUndefined();
    const s3Origin = config.Origins.find((o: { Id: string }) => o.Id === config.DefaultCacheBehavior.TargetOriginId);
    expect(s3Origin.DomainName).toEqual({ 'Fn::GetAtt': [siteBucketId, 'RegionalDomainName'] });
    expect(s3Origin.OriginAccessControlId).toBeDefined();
  });

  it('sends /api/* to the HTTP API: never cached, every viewer header but Host, HTTPS only, all methods', () => {
    expect(config.CacheBehaviors.map((behaviour: { PathPattern: string }) => behaviour.PathPattern)).toEqual([PUBLIC_API_PATH, '/api/*']);
    const api = config.CacheBehaviors[1];
    expect(api).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: CACHING_DISABLED,
      OriginRequestPolicyId: ALL_VIEWER_EXCEPT_HOST_HEADER,
      ViewerProtocolPolicy: 'https-only',
      AllowedMethods: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'],
    });
    expect(api.FunctionAssociations).toBeUndefined();
    const [httpApiId] = Object.keys(resourcesOf(dev.api, 'AWS::ApiGatewayV2::Api'));
    const origin = config.Origins.find((o: { Id: string }) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
    expect(origin.DomainName).toEqual({ 'Fn::Join': ['', [{ Ref: httpApiId }, '.execute-api.', { Ref: 'AWS::Region' }, '.', { Ref: 'AWS::URLSuffix' }]] });
    expect(origin.OriginPath).toBeUndefined();
  });

  it('caches /api/public/* (matched before /api/*) as the answers say, for at most 5 minutes, keyed by the path alone', () => {
    const [pub, api] = config.CacheBehaviors;
    expect(pub).toMatchObject({ PathPattern: '/api/public/*', ViewerProtocolPolicy: 'https-only', AllowedMethods: ['GET', 'HEAD'], CachedMethods: ['GET', 'HEAD'], Compress: true });
    expect(pub.TargetOriginId).toBe(api.TargetOriginId);
    expect(pub.ResponseHeadersPolicyId).toEqual(api.ResponseHeadersPolicyId);
    // No origin request policy: what the API receives is the cache key only, so never an Authorization header or a cookie.
    expect(pub.OriginRequestPolicyId).toBeUndefined();
    const [policyId, policy] = Object.entries(resourcesOf(dev.api, 'AWS::CloudFront::CachePolicy'))[0]!;
    expect(pub.CachePolicyId).toEqual({ Ref: policyId });
    expect(policy.Properties.CachePolicyConfig).toMatchObject({
      MinTTL: 0,
      DefaultTTL: publicCache.maxAgeSeconds,
      MaxTTL: 300,
      ParametersInCacheKeyAndForwardedToOrigin: {
        HeadersConfig: { HeaderBehavior: 'none' },
        CookiesConfig: { CookieBehavior: 'none' },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
      },
    });
  });

  it('covers every cached route with the public behaviour, and keys by the query parameters such a route reads', () => {
    const cached = apiRoutes.filter((route) => route.cache === 'public');
    expect(cached.length).toBeGreaterThan(0);
    for (const route of cached) expect(route.path.startsWith(PUBLIC_API_PATH.slice(0, -1)), route.path).toBe(true);
    expect(publicQueryNames()).toEqual([]);
    const withQuery = { ...cached[0]!, query: z.object({ from: z.string(), to: z.string() }) };
    expect(publicQueryNames([withQuery, { ...withQuery, cache: undefined, query: z.object({ secret: z.string() }) }])).toEqual(['from', 'to']);
  });

  it('puts security headers on every response: HSTS, nosniff, DENY framing, a referrer policy and a same-origin CSP', () => {
    const policyRef = { Ref: expect.stringMatching(/^WebSecurityHeaders/) };
    expect(config.DefaultCacheBehavior.ResponseHeadersPolicyId).toEqual(policyRef);
    expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual(policyRef);
    const headers = Object.values(resourcesOf(dev.api, 'AWS::CloudFront::ResponseHeadersPolicy'))[0].Properties.ResponseHeadersPolicyConfig
      .SecurityHeadersConfig;
    expect(headers).toMatchObject({
      StrictTransportSecurity: { AccessControlMaxAgeSec: 730 * 24 * 3600, IncludeSubdomains: true, Override: true },
      ContentTypeOptions: { Override: true },
      FrameOptions: { FrameOption: 'DENY', Override: true },
      ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
    });
    const csp = JSON.stringify(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'; script-src 'self'; style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('.amazoncognito.com');
    expect(contentSecurityPolicy()).not.toMatch(/unsafe|\*|http:/);
  });

  it('logs access, speaks HTTP/2 and 3, and stays on the default certificate without a custom domain', () => {
    expect(config.Logging).toEqual({ Bucket: { 'Fn::GetAtt': [logBucketId, 'RegionalDomainName'] }, IncludeCookies: false, Prefix: 'cloudfront/' });
    expect(config.HttpVersion).toBe('http2and3');
    // No ViewerCertificate: CloudFront's default *.cloudfront.net certificate.
    expect(config.ViewerCertificate).toBeUndefined();
  });

  it('requires TLS 1.2 on a custom domain with its us-east-1 certificate, and the client calls back there', () => {
    const custom = synthTemplates({
      stage: 'dev',
      context: { webDomainName: 'arshjul.stad.example.se', webCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
    });
    expect(distributionConfig(custom.api)).toMatchObject({
      Aliases: ['arshjul.stad.example.se'],
      ViewerCertificate: { AcmCertificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc', MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' },
    });
    custom.api.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      CallbackURLs: ['https://arshjul.stad.example.se/auth/callback', 'http://localhost:3000/auth/callback'],
    });
    expect(() => synthTemplates({ stage: 'dev', context: { webDomainName: 'arshjul.stad.example.se' } })).toThrow(/webCertificateArn/);
  });
});

describe('web: the SPA rewrite (CloudFront Function)', () => {
  const rewrite = new Function(`${spaRewriteCode}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  const uriOf = (uri: string) => rewrite({ request: { uri } }).uri;

  it('serves the app shell for extension-less paths and leaves files alone', () => {
    expect(uriOf('/')).toBe('/index.html');
    expect(uriOf('/cycles/2026/boards/b1/documents/plan')).toBe('/index.html');
    expect(uriOf('/review')).toBe('/index.html');
    expect(uriOf('/assets/app-3F2A.js')).toBe('/assets/app-3F2A.js');
    expect(uriOf('/favicon.ico')).toBe('/favicon.ico');
    expect(uriOf('/index.html')).toBe('/index.html');
  });

  it('uses the cloudfront-js-2.0 runtime', () => {
    dev.api.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      FunctionCode: spaRewriteCode,
    });
  });
});

describe('web: deploying the built app', () => {
  it('deploys hashed assets (a year, immutable) before the shell (no-cache) and robots.txt, invalidating both', () => {
    const deployments = Object.values(resourcesOf(dev.api, 'Custom::CDKBucketDeployment')).map((d) => d.Properties);
    expect(deployments).toHaveLength(3);
    expect(deployments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Include: ['assets/*'], Exclude: ['*'], Prune: false, SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } }),
        expect.objectContaining({ Exclude: ['assets/*'], Prune: false, SystemMetadata: { 'cache-control': 'no-cache' }, DistributionPaths: ['/index.html', '/robots.txt'] }),
        expect.objectContaining({ Prune: false, SystemMetadata: { 'cache-control': 'no-cache' }, DistributionPaths: ['/config.json'] }),
      ]),
    );
  });

  it('publishes /config.json naming the hosted UI and the web client, so the app signs in with Cognito', () => {
    const config = Object.values(resourcesOf(dev.api, 'Custom::CDKBucketDeployment')).find((d) => JSON.stringify(d.Properties.DistributionPaths) === '["/config.json"]');
    expect(JSON.stringify(config?.Properties.SourceMarkers ?? config?.Properties)).toMatch(/WebClient/);
  });

  it('deploys a placeholder page when the web app has not been built, so synth never fails', () => {
    const empty = mkdtempSync(path.join(tmpdir(), 'arshjul-web-dist-'));
    const built = synthTemplates({ stage: 'dev', webDist: empty });
    expect(built.apiStack.web.placeholder).toBe(true);
    built.api.resourceCountIs('Custom::CDKBucketDeployment', 3);
    const warnings = Annotations.fromStack(built.apiStack).findWarning('*', Match.stringLikeRegexp('placeholder page'));
    expect(warnings).toHaveLength(1);
  });
});

describe('web: the WAF web ACL', () => {
  it('is attached as given by context webAclArn, with no stack of its own', () => {
    const arn = 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/arshjul/0000';
    const given = synthTemplates({ stage: 'dev', context: { webAclArn: arn } });
    expect(given.webAclStack).toBeUndefined();
    expect(distributionConfig(given.api).WebACLId).toBe(arn);
  });

  it('is missing (with a warning) when neither the ARN nor the environment is known', () => {
    expect(dev.webAclStack).toBeUndefined();
    expect(distributionConfig().WebACLId).toBeUndefined();
    expect(Annotations.fromStack(dev.apiStack).findWarning('*', Match.stringLikeRegexp('no WAF web ACL'))).toHaveLength(1);
  });

  it('lives in Arshjul-<stage>-WebAcl in us-east-1 when the environment is known, read across regions by the API stack', () => {
    const pinned = synthTemplates({ stage: 'dev', context: { account: '123456789012', region: 'eu-north-1' } });
    expect(pinned.webAclStack!.stackName).toBe('Arshjul-dev-WebAcl');
    expect(pinned.webAclStack!.region).toBe('us-east-1');
    expect(pinned.apiStack.region).toBe('eu-north-1');
    expect(pinned.dataStack.region).toBe('eu-north-1');
    expect(pinned.apiStack.dependencies).toContain(pinned.webAclStack);
    const acl = Object.values(resourcesOf(pinned.webAcl!, 'AWS::WAFv2::WebACL'))[0].Properties;
    expect(acl.Scope).toBe('CLOUDFRONT');
    expect(acl.DefaultAction).toEqual({ Allow: {} });
    expect(acl.Rules[0]).toMatchObject({
      Name: 'RatePerIp',
      Action: { Block: {} },
      Statement: { RateBasedStatement: { Limit: RATE_LIMIT_PER_5_MIN, AggregateKeyType: 'IP' } },
    });
    expect(acl.Rules.slice(1).map((rule: { Statement: { ManagedRuleGroupStatement: { Name: string; VendorName: string } } }) => rule.Statement.ManagedRuleGroupStatement))
      .toEqual(MANAGED_RULE_GROUPS.map((name) => expect.objectContaining({ VendorName: 'AWS', Name: name })));
    for (const rule of acl.Rules) expect(rule.VisibilityConfig).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true });
    expect(JSON.stringify(distributionConfig(pinned.api).WebACLId)).toMatch(/ExportsReader/);
  });
});
