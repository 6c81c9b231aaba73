import { existsSync } from 'node:fs';
import path from 'node:path';
import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import type * as apigwv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { ZodObject } from 'zod';
import { apiRoutes } from '../shared/api/routes';
import { publicCache } from '../shared/http/caching';
import { robotsTxt } from '../web/seo';
import { repoRoot } from './functions';
import type { Stage } from './stage';

/** Where `web/build.ts` writes the single-page app. */
export const webDist = path.join(repoRoot, 'web', 'dist');

/** Served when the web app has not been built: synth never fails for want of `web/dist`. */
export const placeholderIndexHtml = `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Årshjul</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Årshjul</h1><p>Webbappen är inte byggd än. The web app has not been built yet (node --import tsx web/build.ts).</p></main></body></html>
`;

/**
 * Viewer-request function of the default (bucket) behaviour: a path whose last segment has no extension
 * is a route of the single-page app, so it gets the app shell. It is not attached to `/api/*`, and no
 * error response is rewritten, so API errors (401, 404, 412 …) reach the browser as the API sent them.
 */
export const spaRewriteCode = `function handler(event) {
  var request = event.request;
  var uri = request.uri;
  if (uri.slice(uri.lastIndexOf('/') + 1).indexOf('.') === -1) {
    request.uri = '/index.html';
  }
  return request;
}`;

/**
 * The Content-Security-Policy of every response: the app's own origin only. One exception: the browser
 * exchanges the authorization code for tokens (PKCE) by a `fetch` to the Cognito hosted-UI domain, so
 * `connect-src` names that origin too; sign-in itself is a top-level navigation, which CSP does not govern.
 */
export function contentSecurityPolicy(cognitoOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${cognitoOrigin ? ` ${cognitoOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/** Path pattern of the cached public API behaviour; every route the route table caches lies under it. */
export const PUBLIC_API_PATH = '/api/public/*';

/** The longest CloudFront keeps a public answer, whatever its Cache-Control says. */
export const PUBLIC_API_MAX_TTL = Duration.minutes(5);

/** Query parameters the cached public routes read: the only ones in the cache key (and so sent to the API). */
export function publicQueryNames(routes = apiRoutes): string[] {
  const names = routes
    .filter((route) => route.cache === 'public')
    .flatMap((route) => Object.keys((route.query as ZodObject | undefined)?.shape ?? {}));
  return [...new Set(names)].sort();
}

export interface WebDomain {
  /** `arshjul.stad.example.se`: the DNS name pointed (CNAME/alias) at the distribution. */
  domainName: string;
  /** ACM certificate for it, in us-east-1 (CloudFront takes certificates from there only). */
  certificateArn: string;
}

export interface WebProps {
  stage: Stage;
  httpApi: apigwv2.IHttpApi;
  /** Origin of the Cognito hosted UI, for the CSP's connect-src. */
  cognitoOrigin?: string;
  /** A WAFv2 web ACL (scope CLOUDFRONT, so in us-east-1); without one the distribution has no firewall. */
  webAclArn?: string;
  domain?: WebDomain;
  /** The built web app; defaults to web/dist, a placeholder page when it has no index.html. */
  webDist?: string;
  /** Days the access logs (CloudFront and S3) are kept. */
  logRetentionDays: number;
}

/**
 * The web front door: a private bucket with the built single-page app behind CloudFront (Origin Access
 * Control), the HTTP API as a second origin for `/api/*` (never cached, every viewer header but Host
 * forwarded, so the JWT reaches the authorizer) except `/api/public/*`, cached as its Cache-Control says
 * (shared/http/caching.ts) for at most five minutes, with nothing of the viewer's but the path in the key
 * (and so nothing else sent to the API: no Authorization, no cookies), security headers on every response, TLS 1.2+ on a
 * custom domain, access logs of both CloudFront and the bucket, and the WAF web ACL when one is given.
 */
export class Web extends Construct {
  readonly distribution: cloudfront.Distribution;
  readonly siteBucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly securityHeaders: cloudfront.ResponseHeadersPolicy;
  readonly spaRewrite: cloudfront.Function;
  readonly publicApiCache: cloudfront.CachePolicy;
  readonly deployments: s3deploy.BucketDeployment[];
  /** `https://…`: the custom domain, or the distribution's own domain. */
  readonly url: string;
  /** True when the web app was missing and a placeholder page is deployed. */
  readonly placeholder: boolean;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { stage } = props;
    const stack = Stack.of(this);
    const dispose = stage.disposable ? { autoDeleteObjects: true } : {};

    // Access logs of CloudFront (standard logging writes with an ACL, so ACLs stay enabled for the
    // bucket owner) and of the site bucket. Nothing public; expired after the retention.
    this.logBucket = new s3.Bucket(this, 'LogBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(props.logRetentionDays) }],
      removalPolicy: stage.removalPolicy,
      ...dispose,
    });

    this.siteBucket = new s3.Bucket(this, 'SiteBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/site/',
      removalPolicy: stage.removalPolicy,
      ...dispose,
    });

    this.securityHeaders = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Årshjul ${stage.name}: security headers`,
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(props.cognitoOrigin), override: true },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
        strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
      },
    });

    this.spaRewrite = new cloudfront.Function(this, 'SpaRewrite', {
      comment: 'Extension-less paths are routes of the single-page app: serve /index.html',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(spaRewriteCode),
    });

    // The HTTP API's own domain; its routes already start with /api, so no origin path.
    const apiDomain = `${props.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
    const apiOrigin = new origins.HttpOrigin(apiDomain, {
      protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY,
      originSslProtocols: [cloudfront.OriginSslPolicy.TLS_V1_2],
    });

    // The public answers are the same for everyone: CloudFront keeps each as long as the API's Cache-Control
    // says (60 s), capped at five minutes, and revalidates with If-None-Match. The key (and so all the API
    // receives) is the path and the query parameters those routes read; an approval shows within the max-age.
    const queryNames = publicQueryNames();
    this.publicApiCache = new cloudfront.CachePolicy(this, 'PublicApiCache', {
      comment: `Årshjul ${stage.name}: public API answers, as their Cache-Control says, at most ${PUBLIC_API_MAX_TTL.toMinutes()} min`,
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(publicCache.maxAgeSeconds),
      maxTtl: PUBLIC_API_MAX_TTL,
      headerBehavior: cloudfront.CacheHeaderBehavior.none(),
      cookieBehavior: cloudfront.CacheCookieBehavior.none(),
      queryStringBehavior: queryNames.length ? cloudfront.CacheQueryStringBehavior.allowList(...queryNames) : cloudfront.CacheQueryStringBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    const certificate = props.domain ? acm.Certificate.fromCertificateArn(this, 'Certificate', props.domain.certificateArn) : undefined;
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Årshjul ${stage.name}`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD_OPTIONS,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.securityHeaders,
        functionAssociations: [{ function: this.spaRewrite, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
        compress: true,
      },
      // In this order: CloudFront takes the first pattern that matches.
      additionalBehaviors: {
        [PUBLIC_API_PATH]: {
          origin: apiOrigin,
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
          cachedMethods: cloudfront.CachedMethods.CACHE_GET_HEAD,
          cachePolicy: this.publicApiCache,
          // No origin request policy: only the cache key reaches the API, so no Authorization and no cookies.
          responseHeadersPolicy: this.securityHeaders,
          compress: true,
        },
        '/api/*': {
          origin: apiOrigin,
          // A redirect would turn a POST into a GET: plain HTTP is refused instead.
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          // With caching disabled this forwards Authorization too; Host stays CloudFront's, as API Gateway needs.
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: this.securityHeaders,
          compress: true,
        },
      },
      domainNames: props.domain ? [props.domain.domainName] : undefined,
      certificate,
      // Only with a custom domain: the default *.cloudfront.net certificate's policy is fixed (TLSv1).
      minimumProtocolVersion: certificate ? cloudfront.SecurityPolicyProtocol.TLS_V1_2_2021 : undefined,
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      priceClass: cloudfront.PriceClass.PRICE_CLASS_100,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
      logIncludesCookies: false,
      webAclId: props.webAclArn,
    });
    if (!props.webAclArn) {
      Annotations.of(this.distribution).addWarningV2(
        'arshjul:webAclMissing',
        `The distribution of stage ${stage.name} has no WAF web ACL: pass -c webAclArn=… or -c account=… -c region=… (then Arshjul-${stage.name}-WebAcl is deployed in us-east-1).`,
      );
    }
    this.url = `https://${props.domain?.domainName ?? this.distribution.distributionDomainName}`;

    // Hashed assets never change (cached for a year); everything else, index.html above all, is revalidated.
    const dist = props.webDist ?? webDist;
    this.placeholder = !existsSync(path.join(dist, 'index.html'));
    const source = this.placeholder ? s3deploy.Source.data('index.html', placeholderIndexHtml) : s3deploy.Source.asset(dist);
    if (this.placeholder) {
      Annotations.of(this).addWarningV2('arshjul:webNotBuilt', `${path.relative(repoRoot, dist)}/index.html does not exist: a placeholder page is deployed.`);
    }
    const assets = new s3deploy.BucketDeployment(this, 'DeployAssets', {
      sources: [source],
      destinationBucket: this.siteBucket,
      exclude: ['*'],
      include: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.setPublic(), s3deploy.CacheControl.maxAge(Duration.days(365)), s3deploy.CacheControl.immutable()],
      // Old hashed files stay: a browser holding the previous index.html must still find them.
      prune: false,
    });
    const shell = new s3deploy.BucketDeployment(this, 'DeployShell', {
      // robots.txt beside the shell: an extension, so the SPA rewrite leaves it alone (web/seo.ts).
      sources: [source, s3deploy.Source.data('robots.txt', robotsTxt)],
      destinationBucket: this.siteBucket,
      exclude: ['assets/*'],
      cacheControl: [s3deploy.CacheControl.noCache()],
      prune: false,
      distribution: this.distribution,
      distributionPaths: ['/index.html', '/robots.txt'],
    });
    // The shell names the assets: they must be there first.
    shell.node.addDependency(assets);
    this.deployments = [assets, shell];
  }

  /**
   * Publishes /config.json, which switches the web app from the local demo sign-in to the Cognito
   * hosted UI (web/src/lib/auth.ts): the hosted-UI origin and the web client's id, known at deploy time.
   */
  publishAuthConfig(auth: { domain: string; clientId: string }): void {
    this.deployments.push(
      new s3deploy.BucketDeployment(this, 'DeployConfig', {
        sources: [s3deploy.Source.jsonData('config.json', { auth: { kind: 'cognito', domain: auth.domain, clientId: auth.clientId } })],
        destinationBucket: this.siteBucket,
        cacheControl: [s3deploy.CacheControl.noCache()],
        prune: false,
        distribution: this.distribution,
        distributionPaths: ['/config.json'],
      }),
    );
  }
}
