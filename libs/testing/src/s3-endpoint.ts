/** An S3-compatible endpoint as the suites use it: base URL, region and keys. */
export interface S3Endpoint {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Reads `http://KEY:SECRET@host:port` (MINDFLOW_TEST_S3_URL, tools/infra's s3Url). The region is the URL's
 * `region` query parameter, else us-east-1 (S3Proxy and most S3-compatible servers accept any).
 */
export function s3Endpoint(address: string): S3Endpoint {
  const url = new URL(address);
  if (!url.username || !url.password) throw new Error(`the S3 address ${url.host} has no access key and secret (http://KEY:SECRET@host:port)`);
  return {
    endpoint: `${url.protocol}//${url.host}`,
    region: url.searchParams.get('region') ?? 'us-east-1',
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
  };
}
