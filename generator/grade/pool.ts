import { Worker } from 'node:worker_threads';
import type { ReferenceRuns } from '../diff/behaviour/index.ts';
import type { Rubric } from '../diff/rubric.ts';
import type { Assignment } from './assignment.ts';
import { errorRow, type StudentTask } from './grade-student.ts';
import type { StudentRow } from './types.ts';
import { workerEntry } from './worker-file.ts';

/** What every worker starts with (structured-cloned: plain data only). */
export interface WorkerSetup {
  against: string;
  assignment?: Assignment;
  rubric: Rubric;
  behaviour: boolean;
  referenceRuns?: ReferenceRuns;
  pagesDir?: string;
}

export interface PoolLimits {
  jobs: number;
  /** Per student, from the moment its task is handed to a worker. */
  timeLimitMs: number;
  /** Heap cap of each worker. */
  memoryMb: number;
}

export const DEFAULT_LIMITS: Omit<PoolLimits, 'jobs'> = { timeLimitMs: 60_000, memoryMb: 512 };

type Message = { ready: true } | { index: number; row: StudentRow };

/**
 * Grades the tasks in `jobs` worker threads. A student who runs out of time or memory, or crashes
 * the worker, gets an error row and the worker is replaced; the run goes on. Rows come back in
 * task order whatever finished first.
 */
export async function gradeInPool(
  tasks: StudentTask[],
  setup: WorkerSetup,
  limits: PoolLimits,
  onRow: (row: StudentRow, index: number) => void = () => {},
): Promise<StudentRow[]> {
  const rows: StudentRow[] = new Array(tasks.length);
  let next = 0;
  const entry = workerEntry();

  const runSlot = async (): Promise<void> => {
    while (next < tasks.length) {
      const worker = new Worker(entry, {
        workerData: setup,
        resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, stackSizeMb: 8 },
        stdout: true, // a student's app never writes to our stdout (it may be a JSON report)
        stderr: true,
      });
      worker.stdout.resume();
      worker.stderr.resume();
      // grade with this worker until it dies (then a new one takes the next task)
      const started = await serve(worker);
      await worker.terminate();
      if (!started) throw new Error(`a grading worker could not start: ${startError}`);
    }
  };

  let startError = '';
  /** Resolves true when the worker graded (or was stopped) normally, false when it never started. */
  const serve = (worker: Worker) =>
    new Promise<boolean>((resolve) => {
      let ready = false;
      let current: StudentTask | undefined;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;
      const finish = (why?: string) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (current && why) record(current, errorRow(current, why));
        else if (!ready && why) startError = why;
        resolve(ready);
      };
      const record = (task: StudentTask, row: StudentRow) => {
        rows[task.index] = row;
        onRow(row, task.index);
      };
      const handOut = () => {
        if (next >= tasks.length) return finish();
        current = tasks[next++];
        timer = setTimeout(
          () => finish(`time limit of ${Math.round(limits.timeLimitMs / 1000)} s exceeded`),
          limits.timeLimitMs,
        );
        worker.postMessage(current);
      };
      worker.on('message', (m: Message) => {
        if ('ready' in m) {
          ready = true;
          return handOut();
        }
        clearTimeout(timer);
        if (current) record(current, m.row);
        current = undefined;
        handOut();
      });
      worker.on('error', (e: Error & { code?: string }) =>
        finish(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? `memory cap of ${limits.memoryMb} MB exceeded`
            : `the grader crashed on this app: ${e.message}`,
        ),
      );
      worker.on('exit', (code) => finish(`the grader stopped (exit code ${code})`));
    });

  const slots = Math.max(1, Math.min(limits.jobs, tasks.length));
  await Promise.all(Array.from({ length: slots }, runSlot));
  return rows;
}
