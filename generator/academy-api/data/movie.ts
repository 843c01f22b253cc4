import { badRequest } from '../errors.ts';
import { GENRES, PEOPLE } from './seed.ts';

/** A movie as stored: input field names, epoch-ms timestamps, and who owns it (null = default). */
export interface MovieRecord {
  id: string;
  name: string;
  genreIds: string[];
  directorId: string | null;
  releaseDate: string | null;
  length: number | null;
  topCast: { role: string; castId: string }[];
  boxOffice: { budget: number | null; grossProfit: number | null } | null;
  premieres: { czechPremiere: string | null; originalPremiere: string | null } | null;
  createdAt: number;
  updatedAt: number;
  /** Insertion order, the tie-breaker when timestamps are equal (a fake clock often stands still). */
  seq: number;
  isDefault: boolean;
}

export type MovieFields = Omit<MovieRecord, 'id' | 'createdAt' | 'updatedAt' | 'seq' | 'isDefault'>;

const EMPTY: MovieFields = {
  name: '',
  genreIds: [],
  directorId: null,
  releaseDate: null,
  length: null,
  topCast: [],
  boxOffice: null,
  premieres: null,
};

/** Timestamps are written like the docs' examples: `2023-04-13T17:04:47+00:00`. */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

const personName = (id: string) => PEOPLE.find((p) => p.id === id)?.name ?? null;

/** The documented output shape: `director{}`, `genres[].name`, `topCast[].castName`. */
export function renderMovie(m: MovieRecord): Record<string, unknown> {
  return {
    id: m.id,
    name: m.name,
    genres: m.genreIds.map((id) => ({ id, name: GENRES.find((g) => g.id === id)?.name ?? null })),
    releaseDate: m.releaseDate,
    length: m.length,
    topCast: m.topCast.map((c) => ({ role: c.role, castId: c.castId, castName: personName(c.castId) })),
    director: m.directorId ? { directorId: m.directorId, directorName: personName(m.directorId) } : null,
    boxOffice: m.boxOffice,
    createdAt: isoSeconds(m.createdAt),
    premieres: m.premieres,
    updatedAt: isoSeconds(m.updatedAt),
  };
}

/**
 * Validates a create/replace (`partial` false: omitted fields become empty) or a patch (`partial`
 * true: only given fields change). Every problem is listed in one 400 message. Unknown keys are
 * ignored: custom-field values are accepted and, as documented, never stored.
 */
export function readMovieInput(
  body: Record<string, unknown>,
  partial: boolean,
  base?: MovieFields,
): MovieFields {
  const problems: string[] = [];
  const out: MovieFields = partial && base ? structuredClone(base) : structuredClone(EMPTY);
  const has = (k: string) => Object.hasOwn(body, k) && body[k] !== undefined;
  // the name is the one required field: a create or replace without it is refused
  if (!partial || has('name')) readName(body.name, out, problems);
  for (const [key, read] of OPTIONAL_FIELDS) if (has(key)) read(body[key], out, problems);
  if (problems.length) throw badRequest(`Invalid movie: ${problems.join('; ')}`);
  return out;
}

/**
 * Reads one input field into `out`, or adds what is wrong with it to `problems` and leaves the
 * field as it was.
 */
type FieldReader = (value: unknown, out: MovieFields, problems: string[]) => void;

function readName(name: unknown, out: MovieFields, problems: string[]): void {
  if (typeof name !== 'string' || name.trim() === '')
    problems.push('name is required and must be a non-empty string');
  else if (name.length > 500) problems.push('name is longer than 500 characters');
  else out.name = name;
}

function readGenres(g: unknown, out: MovieFields, problems: string[]): void {
  if (g === null) out.genreIds = [];
  else if (!Array.isArray(g)) problems.push('genres must be an array of {"id": "<genre id>"}');
  else {
    out.genreIds = [];
    g.forEach((item, i) => {
      const id = item && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
      const idText = typeof id === 'number' ? String(id) : id;
      if (typeof idText !== 'string') problems.push(`genres[${i}].id must be a string`);
      else if (!GENRES.some((x) => x.id === idText))
        problems.push(`genres[${i}].id "${idText}" is not a known genre`);
      else out.genreIds.push(idText);
    });
  }
}

function readDirectorId(d: unknown, out: MovieFields, problems: string[]): void {
  if (d === null || d === '') out.directorId = null;
  else if (typeof d !== 'string') problems.push('directorId must be a string (a person id)');
  else if (!personName(d)) problems.push(`directorId "${d}" is not a known person`);
  else out.directorId = d;
}

function readReleaseDate(r: unknown, out: MovieFields, problems: string[]): void {
  if (r === null || r === '') out.releaseDate = null;
  else if (typeof r !== 'string') problems.push('releaseDate must be a string, e.g. "2008"');
  else out.releaseDate = r;
}

function readLength(l: unknown, out: MovieFields, problems: string[]): void {
  if (l === null) out.length = null;
  else if (typeof l !== 'number' || !Number.isFinite(l) || l < 0)
    problems.push('length must be a non-negative number');
  else out.length = l;
}

/** Entries with a problem are left out; the others are kept (a role and a cast id both given). */
function readTopCast(t: unknown, out: MovieFields, problems: string[]): void {
  if (t === null) out.topCast = [];
  else if (!Array.isArray(t)) problems.push('topCast must be an array of {"role", "castId"}');
  else {
    out.topCast = [];
    t.forEach((item, i) => {
      const o =
        item && typeof item === 'object' && !Array.isArray(item) ? (item as Record<string, unknown>) : null;
      if (!o) {
        problems.push(`topCast[${i}] must be an object`);
        return;
      }
      if (typeof o.role !== 'string') problems.push(`topCast[${i}].role must be a string`);
      if (typeof o.castId !== 'string') problems.push(`topCast[${i}].castId must be a string`);
      else if (!personName(o.castId))
        problems.push(`topCast[${i}].castId "${o.castId}" is not a known person`);
      if (typeof o.role === 'string' && typeof o.castId === 'string')
        out.topCast.push({ role: o.role, castId: o.castId });
    });
  }
}

function readBoxOffice(b: unknown, out: MovieFields, problems: string[]): void {
  if (b === null) out.boxOffice = null;
  else if (typeof b !== 'object' || Array.isArray(b))
    problems.push('boxOffice must be an object {"budget", "grossProfit"}');
  else {
    const o = b as Record<string, unknown>;
    const num = (k: string) => {
      const v = o[k];
      if (v === undefined || v === null) return null;
      if (typeof v !== 'number' || !Number.isFinite(v)) problems.push(`boxOffice.${k} must be a number`);
      return typeof v === 'number' ? v : null;
    };
    out.boxOffice = { budget: num('budget'), grossProfit: num('grossProfit') };
  }
}

function readPremieres(p: unknown, out: MovieFields, problems: string[]): void {
  if (p === null) out.premieres = null;
  else if (typeof p !== 'object' || Array.isArray(p))
    problems.push('premieres must be an object {"czechPremiere", "originalPremiere"}');
  else {
    const o = p as Record<string, unknown>;
    const date = (k: string) => {
      const v = o[k];
      if (v === undefined || v === null || v === '') return null;
      if (typeof v !== 'string' || !isIsoDateTime(v))
        problems.push(`premieres.${k} must be an ISO date-time string`);
      return typeof v === 'string' ? v : null;
    };
    out.premieres = { czechPremiere: date('czechPremiere'), originalPremiere: date('originalPremiere') };
  }
}

/** Every field but the name, in the order their problems are listed. */
const OPTIONAL_FIELDS: [key: string, read: FieldReader][] = [
  ['genres', readGenres],
  ['directorId', readDirectorId],
  ['releaseDate', readReleaseDate],
  ['length', readLength],
  ['topCast', readTopCast],
  ['boxOffice', readBoxOffice],
  ['premieres', readPremieres],
];

/** `YYYY-MM-DD` optionally followed by a time and zone; must also parse as a date. */
export function isIsoDateTime(text: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(text) &&
    !Number.isNaN(Date.parse(text))
  );
}
