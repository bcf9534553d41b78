import { describe, expect, it } from 'vitest';
import { operationConfig, parseTrustProxy } from './serve-options.js';

describe('parseTrustProxy', () => {
  it('takes addresses, CIDR ranges, range names and hop counts', () => {
    expect(parseTrustProxy('127.0.0.1')).toEqual(['127.0.0.1']);
    expect(parseTrustProxy('10.0.0.0/24, ::1 ,loopback')).toEqual(['10.0.0.0/24', '::1', 'loopback']);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('false')).toBe(false);
  });

  it('refuses `true` (believing everyone) and anything that is not an address', () => {
    for (const bad of ['true', 'nginx', '10.0.0.0/33', '10.0.0.1/8/1', ',']) {
      expect(parseTrustProxy(bad)).toMatch(/受信任代理.*--trust-proxy/);
    }
  });
});

describe('operationConfig', () => {
  it('reads the command line first, then the PLANTRACK_* environment', () => {
    const env = {
      PLANTRACK_TRUST_PROXY: '10.1.2.3',
      PLANTRACK_SECURE_COOKIES: 'true',
      PLANTRACK_PUBLIC_URL: 'https://plan.example.gov.cn',
      PLANTRACK_LOG_LEVEL: 'warn',
    };
    expect(operationConfig({}, env)).toEqual({
      config: {
        trustProxy: ['10.1.2.3'],
        secureCookies: true,
        publicUrl: 'https://plan.example.gov.cn/',
        logLevel: 'warn',
      },
    });
    expect(operationConfig({ trustProxy: '1', logLevel: 'debug' }, env)).toMatchObject({
      config: { trustProxy: 1, logLevel: 'debug' },
    });
    expect(operationConfig({}, {})).toEqual({ config: {} });
  });

  it('says in Chinese and English what is wrong with a value', () => {
    expect(operationConfig({ secureCookies: 'yes' }, {})).toEqual({
      error: expect.stringMatching(/安全 Cookie.*auto/) as string,
    });
    expect(operationConfig({ publicUrl: 'ftp://x' }, {})).toEqual({
      error: expect.stringMatching(/公开地址.*http/) as string,
    });
    expect(operationConfig({ logLevel: 'loud' }, {})).toEqual({
      error: expect.stringMatching(/日志级别.*silent/) as string,
    });
  });
});
