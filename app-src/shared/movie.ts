/**
 * What the movie modules share: the movie fields a user fills in, the movie a module outputs, and a
 * sample of it (the documented Iron Man example).
 */
import { type ParamRefs, rpcUrl } from 'make-app-toolkit/authoring';
import { getMovieCustomFields } from '../rpcs/get-movie-custom-fields.ts';
import { listGenres } from '../rpcs/list-genres.ts';
import { listMoviesRpc } from '../rpcs/list-movies-rpc.ts';

/** The movie picker used by get/replace/update/delete and awards. */
export const movieIdParameter = {
  name: 'movieId',
  type: 'select',
  label: 'Movie',
  help: 'Choose a movie, or map a movie ID (12 hexadecimal characters).',
  options: rpcUrl(listMoviesRpc),
  mode: 'edit',
  required: true,
} as const;

/** Movie fields; `requireName` is false for the partial update. */
export function movieFields<const R extends boolean>(requireName: R) {
  return [
    { name: 'name', type: 'text', label: 'Name', help: 'The movie title.', required: requireName },
    {
      name: 'genres',
      type: 'array',
      label: 'Genres',
      spec: [{ name: 'id', type: 'select', label: 'Genre', options: rpcUrl(listGenres), required: true }],
    },
    {
      name: 'directorId',
      type: 'text',
      label: 'Director ID',
      help: 'ID of the person who directed the movie (use Search people to find it).',
    },
    { name: 'releaseDate', type: 'text', label: 'Release year', help: 'For example `2008`.' },
    { name: 'length', type: 'uinteger', label: 'Length', help: 'In minutes.' },
    {
      name: 'topCast',
      type: 'array',
      label: 'Top cast',
      spec: [
        { name: 'role', type: 'text', label: 'Role', required: true },
        {
          name: 'castId',
          type: 'text',
          label: 'Cast ID',
          help: 'ID of the person playing the role.',
          required: true,
        },
      ],
    },
    {
      name: 'boxOffice',
      type: 'collection',
      label: 'Box office',
      spec: [
        { name: 'budget', type: 'number', label: 'Budget', help: 'In millions of USD.' },
        { name: 'grossProfit', type: 'number', label: 'Gross profit', help: 'In millions of USD.' },
      ],
    },
    {
      name: 'premieres',
      type: 'collection',
      label: 'Premieres',
      spec: [
        { name: 'originalPremiere', type: 'date', label: 'Original premiere' },
        { name: 'czechPremiere', type: 'date', label: 'Czech premiere' },
      ],
    },
    {
      name: 'customFields',
      type: 'collection',
      label: 'Custom fields',
      help: 'Custom movie fields defined in your App Academy account. The API accepts but does not store them.',
      spec: [rpcUrl(getMovieCustomFields)],
    },
  ] as const;
}

/** The movie as the API returns it. */
export const movieInterface = [
  { name: 'id', type: 'text', label: 'Movie ID' },
  { name: 'name', type: 'text', label: 'Name' },
  {
    name: 'genres',
    type: 'array',
    label: 'Genres',
    spec: [
      { name: 'id', type: 'text', label: 'Genre ID' },
      { name: 'name', type: 'text', label: 'Genre' },
    ],
  },
  { name: 'releaseDate', type: 'text', label: 'Release year' },
  { name: 'length', type: 'uinteger', label: 'Length (minutes)' },
  {
    name: 'topCast',
    type: 'array',
    label: 'Top cast',
    spec: [
      { name: 'role', type: 'text', label: 'Role' },
      { name: 'castId', type: 'text', label: 'Cast ID' },
      { name: 'castName', type: 'text', label: 'Cast name' },
    ],
  },
  {
    name: 'director',
    type: 'collection',
    label: 'Director',
    spec: [
      { name: 'directorId', type: 'text', label: 'Director ID' },
      { name: 'directorName', type: 'text', label: 'Director name' },
    ],
  },
  {
    name: 'boxOffice',
    type: 'collection',
    label: 'Box office',
    spec: [
      { name: 'budget', type: 'number', label: 'Budget (millions)' },
      { name: 'grossProfit', type: 'number', label: 'Gross profit (millions)' },
    ],
  },
  {
    name: 'premieres',
    type: 'collection',
    label: 'Premieres',
    spec: [
      { name: 'originalPremiere', type: 'date', label: 'Original premiere' },
      { name: 'czechPremiere', type: 'date', label: 'Czech premiere' },
    ],
  },
  { name: 'createdAt', type: 'date', label: 'Created at' },
  { name: 'updatedAt', type: 'date', label: 'Updated at' },
] as const;

export const movieSample = {
  id: '0c841ade9610',
  name: 'Iron Man',
  genres: [{ id: '1', name: 'action' }],
  releaseDate: '2008',
  length: 126,
  topCast: [{ role: 'Tony Stark', castId: '5bfb3056c5e4', castName: 'Robert Downey Jr.' }],
  director: { directorId: 'f841a38b77be', directorName: 'Jon Favreau' },
  boxOffice: { budget: 140, grossProfit: 585.8 },
  premieres: { czechPremiere: '2008-04-30T22:00:00+00:00', originalPremiere: '2008-05-01T22:00:00+00:00' },
  createdAt: '2023-04-13T17:04:47+00:00',
  updatedAt: '2023-04-13T17:04:47+00:00',
};

/** The request body of create, replace and update: unmapped fields are left out by Make. */
export function movieBody(p: ParamRefs<ReturnType<typeof movieFields>>) {
  return {
    name: p.name,
    genres: p.genres,
    directorId: p.directorId,
    releaseDate: p.releaseDate,
    length: p.length,
    topCast: p.topCast,
    boxOffice: p.boxOffice,
    premieres: p.premieres,
    customFields: p.customFields,
  };
}
