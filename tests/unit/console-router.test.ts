import { describe, expect, it } from 'vitest';
import { MalformedPathError, Router } from '../../console/router.js';

describe('console router', () => {
  const r = new Router<string>().get('/cases/:ref', 'case').post('/cases/:ref/:action', 'action').get('/dashboard.csv', 'csv');

  it('matches by method and pattern and decodes parameters within their segment', () => {
    expect(r.match('GET', '/cases/XF-1')).toEqual({ handler: 'case', params: { ref: 'XF-1' } });
    expect(r.match('HEAD', '/cases/XF-1')).toMatchObject({ handler: 'case' });
    expect(r.match('POST', '/cases/a%2Fb/approve')).toEqual({ handler: 'action', params: { ref: 'a/b', action: 'approve' } });
    expect(r.match('GET', '/dashboardxcsv')).toBeNull();
  });

  it('tells a wrong method (405) from an unknown path (404)', () => {
    expect(r.match('GET', '/cases/XF-1/approve')).toBe('method');
    expect(r.match('GET', '/nowhere')).toBeNull();
  });

  it('refuses a parameter that is not valid percent-encoding with its own error, not a URIError', () => {
    expect(() => r.match('GET', '/cases/%E0%A4%A')).toThrow(MalformedPathError);
  });
});
