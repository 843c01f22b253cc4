import type { Severity } from '../model/index.ts';
import type { RuleSeveritySetting } from './types.ts';

/**
 * The configured severity for a rule id: the exact id wins, then the longest family pattern
 * (`oauth/*`), then `*`; undefined when the config says nothing.
 */
function configuredSeverity(
  rules: Record<string, RuleSeveritySetting> | undefined,
  ruleId: string,
): RuleSeveritySetting | undefined {
  if (!rules) return undefined;
  if (rules[ruleId] !== undefined) return rules[ruleId];
  let best: string | undefined;
  for (const p of Object.keys(rules)) {
    if (!p.endsWith('*')) continue;
    const prefix = p.slice(0, -1);
    if (ruleId.startsWith(prefix) && (best === undefined || prefix.length > best.length - 1)) best = p;
  }
  return best === undefined ? undefined : rules[best];
}

export function severityOrDefault(
  rules: Record<string, RuleSeveritySetting> | undefined,
  ruleId: string,
  fallback: Severity,
): RuleSeveritySetting {
  return configuredSeverity(rules, ruleId) ?? fallback;
}
