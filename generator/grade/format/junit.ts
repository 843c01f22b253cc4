import { escapeXml as xml } from '../../model/index.ts';
import type { ClassReport } from '../types.ts';

/** JUnit XML: one test case per student; failed below the pass mark, error when it could not be graded. */
export function formatJunit(report: ClassReport): string {
  const s = report.summary;
  const cases = report.students.map((st) => {
    const name = `${xml(st.path)}`;
    const open = `    <testcase classname="make-app.grade" name="${name}">`;
    if (st.error) return `${open}\n      <error message="${xml(st.error)}"/>\n    </testcase>`;
    if (st.passed) return `    <testcase classname="make-app.grade" name="${name}"/>`;
    const detail = [`grade ${st.grade} < ${s.passMark}`, ...st.fixes].map(xml).join('\n');
    return `${open}\n      <failure message="grade ${st.grade} below the pass mark ${s.passMark}">${detail}</failure>\n    </testcase>`;
  });
  const failures = report.students.filter((st) => !st.error && !st.passed).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="make-app grade" tests="${s.students}" failures="${failures}" errors="${s.errors}">`,
    `  <testsuite name="${xml(report.reference.assignment ?? 'reference')}" tests="${s.students}" failures="${failures}" errors="${s.errors}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
