/**
 * Builds single-file bundle texts for rule cases. Every part is JSONC text, so a case can carry
 * finding markers (`/*@messageId*\/`, `/*@messageId"text"*\/`) and inline disable comments exactly
 * where written.
 */
export interface CaseApp {
  base?: string;
  common?: string;
  groups?: string;
  connections?: Record<string, string>;
  webhooks?: Record<string, string>;
  modules?: Record<string, string>;
  rpcs?: Record<string, string>;
  functions?: Record<string, string>;
}

/** A leading `/*@messageId*\/` on a component name marks the component's declaration. */
const MARK = /^\/\*@\w*\*\//;

export function bundle(app: CaseApp): string {
  const general = [
    app.base !== undefined ? `    "base": ${app.base}` : undefined,
    app.common !== undefined ? `    "common": ${app.common}` : undefined,
    app.groups !== undefined ? `    "groups": ${app.groups}` : undefined,
  ].filter(Boolean);
  const kind = (name: string, items: Record<string, string> | undefined) =>
    `    "${name}": {${Object.entries(items ?? {})
      .map(([k, v]) => `\n      ${MARK.exec(k)?.[0] ?? ''}"${k.replace(MARK, '')}": ${v}`)
      .join(',')}${items && Object.keys(items).length ? '\n    ' : ''}}`;
  return [
    '{',
    '  "bundleVersion": 1,',
    '  "app": { "name": "case-app", "label": "Case app", "version": 1 },',
    `  "general": {${general.length ? `\n${general.join(',\n')}\n  ` : ''}},`,
    '  "components": {',
    [
      kind('connection', app.connections),
      kind('webhook', app.webhooks),
      kind('module', app.modules),
      kind('rpc', app.rpcs),
      kind('function', app.functions),
    ].join(',\n'),
    '  }',
    '}',
    '',
  ].join('\n');
}

/** Base pointing at the Academy API with a sanitised bearer header. */
export const ACADEMY_BASE = `{
      "baseUrl": "https://app-academy.make.com/api/v2",
      "headers": { "authorization": "Bearer {{connection.accessToken}}" },
      "response": { "error": { "message": "[{{statusCode}}] {{body.error.message}}" } },
      "log": { "sanitize": ["request.headers.authorization"] }
    }`;

/** OAuth2 sections of a correct Academy connection; override one section by name. */
export function academySections(
  over: Partial<Record<'authorize' | 'token' | 'info' | 'refresh' | 'invalidate', string | null>> = {},
): string {
  const sections: Record<string, string> = {
    authorize: `{
          "url": "https://app-academy.make.com/api/v2/authorize",
          "qs": { "client_id": "{{common.clientId}}", "redirect_uri": "{{oauth.redirectUri}}", "response_type": "code", "scope": "{{join(oauth.scope, ' ')}}" },
          "response": { "temp": { "code": "{{query.code}}" } }
        }`,
    token: `{
          "url": "https://app-academy.make.com/api/v2/token",
          "method": "POST",
          "type": "urlencoded",
          "body": { "grant_type": "authorization_code", "code": "{{temp.code}}", "client_id": "{{common.clientId}}", "client_secret": "{{common.clientSecret}}", "redirect_uri": "{{oauth.redirectUri}}" },
          "response": {
            "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" },
            "expires": "{{addMinutes(now, body.refresh_expires_in)}}"
          },
          "log": { "sanitize": ["request.body.code", "request.body.client_secret", "response.body.access_token", "response.body.refresh_token"] }
        }`,
    info: `{
          "url": "https://app-academy.make.com/api/v2/info",
          "headers": { "authorization": "Bearer {{connection.accessToken}}" },
          "response": { "metadata": { "type": "email", "value": "{{body.email}}" }, "uid": "{{body.id}}" },
          "log": { "sanitize": ["request.headers.authorization"] }
        }`,
    refresh: `{
          "condition": "{{data.expires < addMinutes(now, 5)}}",
          "url": "https://app-academy.make.com/api/v2/refresh",
          "method": "POST",
          "type": "urlencoded",
          "body": { "grant_type": "refresh_token", "refresh_token": "{{data.refreshToken}}", "client_id": "{{common.clientId}}", "client_secret": "{{common.clientSecret}}" },
          "response": {
            "data": { "accessToken": "{{body.access_token}}", "refreshToken": "{{body.refresh_token}}", "expires": "{{addMinutes(now, body.expires_in)}}" },
            "expires": "{{addMinutes(now, body.refresh_expires_in)}}"
          },
          "log": { "sanitize": ["request.body.refresh_token", "request.body.client_secret", "response.body.access_token", "response.body.refresh_token"] }
        }`,
    invalidate: `{
          "url": "https://app-academy.make.com/api/v2/invalidate",
          "headers": { "authorization": "Bearer {{connection.accessToken}}" },
          "log": { "sanitize": ["request.headers.authorization"] }
        }`,
  };
  for (const [k, v] of Object.entries(over)) {
    if (v === null) delete sections[k];
    else if (v !== undefined) sections[k] = v;
  }
  return `{${Object.entries(sections)
    .map(([k, v]) => `\n        "${k}": ${v}`)
    .join(',')}\n      }`;
}

/** A whole Academy OAuth2 connection component. */
export function academyConnection(communication = academySections(), extra = ''): string {
  return `{
        "label": "Academy", "connectionType": "oauth",
        "codes": {
          "communication": ${communication},
          "scopeList": { "connect": "Connect", "read": "Read", "write": "Write", "delete": "Delete" },
          "defaultScope": ["connect"]${extra}
        }
      }`;
}

/** A module component with the given type and codes text (`"communication": ..., ...`). */
export function module(type: string, codes: string, meta = ''): string {
  return `{
        "label": "Case module", "description": "Returns a thing.", "moduleType": "${type}", "connection": "academy"${meta},
        "codes": { ${codes} }
      }`;
}

/** An app with only the Academy OAuth2 connection, sections overridden as in `academySections`. */
export function oauthApp(over: Parameters<typeof academySections>[0] = {}): string {
  return bundle({ connections: { academy: academyConnection(academySections(over)) } });
}

/** An OAuth2 connection to another provider (generic profile), sections given as JSONC texts. */
export function providerOAuthApp(sections: Record<string, string>): string {
  return bundle({
    connections: {
      crm: `{
        "label": "CRM", "connectionType": "oauth",
        "codes": { "communication": {${Object.entries(sections)
          .map(([k, v]) => `\n          "${k}": ${v}`)
          .join(',')}\n        } }
      }`,
    },
  });
}
