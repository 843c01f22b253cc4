/**
 * The rubric against the calibration class: every submission lands in its expected grade band,
 * reformatted ones are equivalent with full marks, mistaken ones are not, and independently written
 * correct apps score at least 90 on the assignment they implement. Real worker threads grade them.
 */
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClassReport } from '../../generator/grade/types.ts';
import { gradeClass } from '../../generator/workflow/grade.ts';
import { DIST_APP } from '../diff/student-apps.ts';
import { ASSIGNMENT, buildCalibrationClass } from './calibration-class.ts';

const hasReference = existsSync(path.join(DIST_APP, 'makecomapp.json'));
if (!hasReference) console.log('calibration: skipped, dist-app/ is not built');

describe.skipIf(!hasReference)('calibration class', { timeout: 900_000 }, () => {
  const cls = buildCalibrationClass();
  afterAll(() => rmSync(cls.root, { recursive: true, force: true }));

  const check = (report: ClassReport) => {
    const off: string[] = [];
    for (const s of report.students) {
      const m = cls.members.get(path.basename(s.path));
      if (!m) throw new Error(`unexpected student ${s.path}`);
      const [lo, hi] = m.band;
      if (s.grade < lo || s.grade > hi)
        off.push(`${s.path}: ${s.grade} not in [${lo}, ${hi}] ${s.error ?? ''}`);
      if (m.equivalent !== undefined && s.equivalent !== m.equivalent)
        off.push(`${s.path}: equivalent ${s.equivalent}, expected ${m.equivalent}`);
      if (m.error !== undefined && Boolean(s.error) !== m.error) off.push(`${s.path}: error ${s.error}`);
      if (!m.error && s.error) off.push(`${s.path}: ${s.error}`);
    }
    expect(off).toEqual([]);
  };

  it('the whole reference: correct and reformatted apps get full marks, each mistake its band', async () => {
    const report = await gradeClass({ paths: [cls.reference], against: DIST_APP, jobs: 2 });
    expect(report.students).toHaveLength(19);
    check(report);
    // a mistaken app is never at full marks, and a breaking one never passes
    for (const s of report.students) if (!s.equivalent) expect(s.grade).toBeLessThan(100);
  });

  it('an assignment: independently written correct apps score at least 90, their mistakes do not', async () => {
    const report = await gradeClass({
      paths: [cls.assignment],
      against: DIST_APP,
      assignment: ASSIGNMENT,
      jobs: 2,
    });
    expect(report.students).toHaveLength(11);
    expect(report.reference.assignment).toBe('Movies CRUD');
    check(report);
  });
});
