import { type Diagnostic, escapeXml as xml } from '../../model/index.ts';
import { type Formatter, groupByFile } from './types.ts';

/**
 * JUnit XML as CI readers expect it (testsuites > testsuite > testcase > failure): one suite per
 * file, one test case per finding. Only findings that fail the run are failures (errors, and
 * warnings when `warningsFail`); the others pass with their text in `system-out`, so the report
 * agrees with the exit code. A clean run is one passing test case.
 */
export const formatJunit: Formatter = (ds, opts) => {
  const fails = (d: Diagnostic) =>
    d.severity === 'error' || (d.severity === 'warning' && !!opts?.warningsFail);
  const byFile = groupByFile(ds);
  const failures = ds.filter(fails).length;
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites name="make-app lint" tests="${Math.max(1, ds.length)}" failures="${failures}" errors="0">`,
  );
  if (ds.length === 0) {
    lines.push('  <testsuite name="make-app lint" tests="1" failures="0" errors="0" skipped="0">');
    lines.push('    <testcase classname="make-app lint" name="no findings"/>');
    lines.push('  </testsuite>');
  }
  for (const [file, list] of byFile) {
    lines.push(
      `  <testsuite name="${xml(file)}" tests="${list.length}" failures="${list.filter(fails).length}" errors="0" skipped="0">`,
    );
    for (const d of list) {
      const detail = xml(
        `${d.severity} ${d.ruleId} ${file}:${d.line}:${d.column}${d.component ? ` (${d.component})` : ''}\n${d.message}`,
      );
      lines.push(
        `    <testcase classname="${xml(file)}" name="${xml(`${d.ruleId} at ${d.line}:${d.column}`)}" file="${xml(file)}" line="${d.line}">`,
      );
      lines.push(
        fails(d)
          ? `      <failure message="${xml(d.message)}" type="${xml(d.severity)}">${detail}</failure>`
          : `      <system-out>${detail}</system-out>`,
      );
      lines.push('    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
};
