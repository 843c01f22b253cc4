/**
 * A grading worker: loads the reference once (code files carry functions, so they do not cross
 * threads), then grades one student per message with the reference runs the main thread made.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { loadApp } from '../load/index.ts';
import { restrictReference } from './assignment.ts';
import { type GradeContext, gradeStudent, type StudentTask } from './grade-student.ts';
import type { WorkerSetup } from './pool.ts';

const setup = workerData as WorkerSetup;
const full = loadApp(setup.against);
const ctx: GradeContext = {
  reference: setup.assignment ? restrictReference(full, setup.assignment) : full,
  rubric: setup.rubric,
  behaviour: setup.behaviour,
  ...(setup.referenceRuns ? { referenceRuns: setup.referenceRuns } : {}),
  ...(setup.assignment ? { assignment: setup.assignment } : {}),
  ...(setup.pagesDir ? { pagesDir: setup.pagesDir } : {}),
};

parentPort?.on('message', async (task: StudentTask) => {
  const row = await gradeStudent(task, ctx);
  parentPort?.postMessage({ index: task.index, row });
});
parentPort?.postMessage({ ready: true });
