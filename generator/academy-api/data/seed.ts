/**
 * Seed data of the model: 6 default movies (read-only for everyone), people, organizations,
 * genres, awards, files and custom fields. Ids are fixed 12-hex strings so recordings compare.
 */

export interface Genre {
  id: string;
  name: string;
}
export interface Person {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
}
export interface Organization {
  id: string;
  name: string;
  type: 'studio' | 'company';
  country: string;
}
export interface Award {
  id: string;
  name: string;
  year: number;
  category: string;
}
export interface SeedFile {
  id: string;
  name: string;
  type: 'file' | 'folder';
  size: number;
  contentType: string | null;
  content: Buffer | null;
}
export interface CustomField {
  name: string;
  label: string;
  type: 'number' | 'boolean' | 'text';
}
export interface SeedMovie {
  id: string;
  name: string;
  genreIds: string[];
  directorId: string;
  releaseDate: string;
  length: number;
  topCast: { role: string; castId: string }[];
  boxOffice: { budget: number; grossProfit: number };
  premieres: { czechPremiere: string; originalPremiere: string };
  createdAt: string;
  updatedAt: string;
}

export const GENRES: readonly Genre[] = [
  { id: '1', name: 'action' },
  { id: '2', name: 'adventure' },
  { id: '3', name: 'sci-fi' },
  { id: '4', name: 'drama' },
  { id: '5', name: 'thriller' },
  { id: '6', name: 'comedy' },
  { id: '7', name: 'crime' },
  { id: '8', name: 'horror' },
];

const person = (id: string, name: string, day: number): Person => ({
  id,
  name,
  createdAt: `2023-04-${String(day).padStart(2, '0')}T17:04:47+00:00`,
  updatedAt: `2023-04-${String(day + 6).padStart(2, '0')}T17:04:47+00:00`,
});

/** 14 people: offset paging with limit 5 shows three pages. */
export const PEOPLE: readonly Person[] = [
  person('5bfb3056c5e4', 'Robert Downey Jr.', 1),
  person('f841a38b77be', 'Jon Favreau', 1),
  person('3e1b7c9d0a42', 'Gwyneth Paltrow', 2),
  person('8c2d4f6a1b35', 'Christopher Nolan', 2),
  person('a9f0e3d72c18', 'Christian Bale', 3),
  person('2b7e5a91d4c6', 'Heath Ledger', 3),
  person('d05c8e2f7a13', 'Ridley Scott', 4),
  person('6f4a1c8e3b97', 'Sigourney Weaver', 4),
  person('e72d9b0c5f41', 'Lana Wachowski', 5),
  person('19c6a4e8d2f0', 'Keanu Reeves', 5),
  person('b3d8f1a6e057', 'Robert Zemeckis', 6),
  person('4a0e7d3c9b62', 'Tom Hanks', 6),
  person('7d5b2e9f0c84', 'James Cameron', 7),
  person('0e9c3a7b5d21', 'Zoe Saldana', 7),
];

/** 11 organizations: has-more paging with 5 a page shows three pages. */
export const ORGANIZATIONS: readonly Organization[] = [
  { id: '5e2a9c7d1f03', name: 'Marvel Studios', type: 'studio', country: 'US' },
  { id: 'a1d7f4b0c8e6', name: 'Paramount Pictures', type: 'studio', country: 'US' },
  { id: '3c8e0b6a2d94', name: 'Warner Bros. Pictures', type: 'studio', country: 'US' },
  { id: 'f6b3d9e1a057', name: 'Legendary Pictures', type: 'company', country: 'US' },
  { id: '0d4f8a2c6e31', name: 'Syncopy', type: 'company', country: 'GB' },
  { id: '92e6c0a4b8d7', name: '20th Century Studios', type: 'studio', country: 'US' },
  { id: 'c7a1e5f9d302', name: 'Brandywine Productions', type: 'company', country: 'US' },
  { id: '6b9d3f7a0e15', name: 'Village Roadshow Pictures', type: 'company', country: 'AU' },
  { id: 'e0c4a8d2f6b9', name: 'Lightstorm Entertainment', type: 'company', country: 'US' },
  { id: '48f2b6d0a9c3', name: 'Dune Entertainment', type: 'company', country: 'US' },
  { id: 'b5e9c3a7f1d0', name: 'Industrial Light & Magic', type: 'company', country: 'US' },
];

export const DEFAULT_MOVIES: readonly SeedMovie[] = [
  {
    id: '0c841ade9610',
    name: 'Iron Man',
    genreIds: ['1', '2', '3'],
    directorId: 'f841a38b77be',
    releaseDate: '2008',
    length: 126,
    topCast: [
      { role: 'Tony Stark', castId: '5bfb3056c5e4' },
      { role: 'Pepper Potts', castId: '3e1b7c9d0a42' },
    ],
    boxOffice: { budget: 140, grossProfit: 585.8 },
    premieres: { czechPremiere: '2008-04-30T22:00:00+00:00', originalPremiere: '2008-05-01T22:00:00+00:00' },
    createdAt: '2023-04-13T17:04:47+00:00',
    updatedAt: '2023-04-13T17:04:47+00:00',
  },
  {
    id: '1f5e8a3c7d02',
    name: 'The Dark Knight',
    genreIds: ['1', '7', '4'],
    directorId: '8c2d4f6a1b35',
    releaseDate: '2008',
    length: 152,
    topCast: [
      { role: 'Bruce Wayne', castId: 'a9f0e3d72c18' },
      { role: 'Joker', castId: '2b7e5a91d4c6' },
    ],
    boxOffice: { budget: 185, grossProfit: 1006 },
    premieres: { czechPremiere: '2008-08-13T22:00:00+00:00', originalPremiere: '2008-07-17T22:00:00+00:00' },
    createdAt: '2023-04-13T17:05:12+00:00',
    updatedAt: '2023-04-14T08:30:00+00:00',
  },
  {
    id: '6a2c9e4f8b13',
    name: 'Alien',
    genreIds: ['8', '3'],
    directorId: 'd05c8e2f7a13',
    releaseDate: '1979',
    length: 117,
    topCast: [{ role: 'Ellen Ripley', castId: '6f4a1c8e3b97' }],
    boxOffice: { budget: 11, grossProfit: 184.7 },
    premieres: { czechPremiere: '1990-02-01T23:00:00+00:00', originalPremiere: '1979-05-24T23:00:00+00:00' },
    createdAt: '2023-04-13T17:06:30+00:00',
    updatedAt: '2023-04-13T17:06:30+00:00',
  },
  {
    id: 'b4d7e1a9c052',
    name: 'The Matrix',
    genreIds: ['1', '3'],
    directorId: 'e72d9b0c5f41',
    releaseDate: '1999',
    length: 136,
    topCast: [{ role: 'Neo', castId: '19c6a4e8d2f0' }],
    boxOffice: { budget: 63, grossProfit: 467.2 },
    premieres: { czechPremiere: '1999-06-16T22:00:00+00:00', originalPremiere: '1999-03-30T22:00:00+00:00' },
    createdAt: '2023-04-13T17:07:45+00:00',
    updatedAt: '2023-04-15T10:00:00+00:00',
  },
  {
    id: '3d9f0b6e2a71',
    name: 'Forrest Gump',
    genreIds: ['4', '6'],
    directorId: 'b3d8f1a6e057',
    releaseDate: '1994',
    length: 142,
    topCast: [{ role: 'Forrest Gump', castId: '4a0e7d3c9b62' }],
    boxOffice: { budget: 55, grossProfit: 678.2 },
    premieres: { czechPremiere: '1994-10-26T23:00:00+00:00', originalPremiere: '1994-07-05T22:00:00+00:00' },
    createdAt: '2023-04-13T17:09:02+00:00',
    updatedAt: '2023-04-13T17:09:02+00:00',
  },
  {
    id: 'e8a5c2f7d946',
    name: 'Avatar',
    genreIds: ['2', '3'],
    directorId: '7d5b2e9f0c84',
    releaseDate: '2009',
    length: 162,
    topCast: [{ role: 'Neytiri', castId: '0e9c3a7b5d21' }],
    boxOffice: { budget: 237, grossProfit: 2923.7 },
    premieres: { czechPremiere: '2009-12-16T23:00:00+00:00', originalPremiere: '2009-12-09T23:00:00+00:00' },
    createdAt: '2023-04-13T17:10:20+00:00',
    updatedAt: '2023-04-16T12:00:00+00:00',
  },
];

/** Awards by default movie id; Iron Man has none, so an empty list is shown too. */
export const AWARDS: Readonly<Record<string, readonly Award[]>> = {
  '1f5e8a3c7d02': [
    { id: 'a10c4e8f2b6d', name: 'Academy Award', year: 2009, category: 'Best Supporting Actor' },
    { id: 'a21d5f9a3c7e', name: 'Academy Award', year: 2009, category: 'Best Sound Editing' },
  ],
  '6a2c9e4f8b13': [
    { id: 'a32e6a0b4d8f', name: 'Academy Award', year: 1980, category: 'Best Visual Effects' },
  ],
  b4d7e1a9c052: [
    { id: 'a43f7b1c5e90', name: 'Academy Award', year: 2000, category: 'Best Visual Effects' },
    { id: 'a54a8c2d6fa1', name: 'Academy Award', year: 2000, category: 'Best Film Editing' },
    { id: 'a65b9d3e7ab2', name: 'Academy Award', year: 2000, category: 'Best Sound' },
  ],
  '3d9f0b6e2a71': [
    { id: 'a76cae4f8bc3', name: 'Academy Award', year: 1995, category: 'Best Picture' },
    { id: 'a87dbf5a9cd4', name: 'Academy Award', year: 1995, category: 'Best Actor' },
    { id: 'a98ec06bade5', name: 'Golden Globe', year: 1995, category: 'Best Motion Picture – Drama' },
  ],
  e8a5c2f7d946: [{ id: 'aa9fd17cbef6', name: 'Academy Award', year: 2010, category: 'Best Cinematography' }],
};

/** A 1×1 transparent PNG, so the export endpoint serves real binary bytes. */
const PIXEL_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const README_TXT = Buffer.from('Welcome to the App Academy files.\nThis file is read-only.\n', 'utf8');

export const FILES: readonly SeedFile[] = [
  {
    id: 'f1a2b3c4d5e6',
    name: 'readme.txt',
    type: 'file',
    size: README_TXT.length,
    contentType: 'text/plain; charset=utf-8',
    content: README_TXT,
  },
  {
    id: 'f2b3c4d5e6f7',
    name: 'poster.png',
    type: 'file',
    size: PIXEL_PNG.length,
    contentType: 'image/png',
    content: PIXEL_PNG,
  },
  { id: 'd0c1b2a39485', name: 'Documents', type: 'folder', size: 0, contentType: null, content: null },
];

export const CUSTOM_FIELDS: readonly CustomField[] = [
  { name: 'rating', label: 'Rating', type: 'number' },
  { name: 'watched', label: 'Watched', type: 'boolean' },
  { name: 'notes', label: 'Notes', type: 'text' },
];
