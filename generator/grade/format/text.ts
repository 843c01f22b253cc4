import type { ClassReport } from '../types.ts';

/** A terminal summary: one line per student, then the class at a glance. */
export function formatText(report: ClassReport): string {
  const s = report.summary;
  const width = Math.min(60, Math.max(10, ...report.students.map((st) => st.path.length)));
  const lines = report.students.map((st) => {
    const verdict = st.error
      ? `ERROR ${st.error}`
      : `${st.passed ? 'pass' : 'FAIL'}${st.equivalent ? ' (equivalent)' : ''}`;
    const counts = st.error
      ? ''
      : `  ${st.counts.breaking} breaking, ${st.counts.behavioural} behavioural, ${st.counts.cosmetic} cosmetic`;
    return `${st.path.padEnd(width)}  ${String(st.grade).padStart(3)}  ${verdict}${counts}`;
  });
  const mistakes = s.mistakes
    .slice(0, 10)
    .map((m) => `  ${String(m.students).padStart(4)}  ${m.code} (${m.class}) ${m.summary}`);
  return [
    `Graded ${s.students} submissions against ${report.reference.root}${report.reference.assignment ? ` (assignment ${report.reference.assignment})` : ''}`,
    '',
    ...lines,
    '',
    `Passed ${s.passed} of ${s.students} (pass mark ${s.passMark}); ${s.errors} could not be graded; ${s.equivalent} behave like the reference.`,
    `Mean ${s.mean}, median ${s.median}.`,
    ...(mistakes.length ? ['', 'Most common mistakes (students):', ...mistakes] : []),
    '',
  ].join('\n');
}
