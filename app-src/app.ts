/** The App Academy v2 (OAuth 2) reference app: the entry the compiler reads. */
import { defineApp } from 'make-app-toolkit/authoring';
import { academy } from './connections/academy.ts';
import { base } from './general/base.ts';
import { readme } from './general/readme.ts';
import { createMovie } from './modules/create-movie.ts';
import { deleteMovie } from './modules/delete-movie.ts';
import { downloadFile } from './modules/download-file.ts';
import { getMovie } from './modules/get-movie.ts';
import { getMyAccount } from './modules/get-my-account.ts';
import { listFiles } from './modules/list-files.ts';
import { listMovieAwards } from './modules/list-movie-awards.ts';
import { listOrganizations } from './modules/list-organizations.ts';
import { makeApiCall } from './modules/make-api-call.ts';
import { replaceMovie } from './modules/replace-movie.ts';
import { searchMovies } from './modules/search-movies.ts';
import { searchPeople } from './modules/search-people.ts';
import { updateMovie } from './modules/update-movie.ts';
import { uploadFile } from './modules/upload-file.ts';
import { watchMovieEvents } from './modules/watch-movie-events.ts';
import { watchNewMovies } from './modules/watch-new-movies.ts';
import { getMovieCustomFields } from './rpcs/get-movie-custom-fields.ts';
import { listGenres } from './rpcs/list-genres.ts';
import { listMoviesRpc } from './rpcs/list-movies-rpc.ts';
import { movieEvents } from './webhooks/movie-events.ts';

export default defineApp({
  name: 'app-academy-v2',
  label: 'App Academy',
  version: 1,
  description: 'Movies, people and files of the App Academy API v2 (OAuth 2).',
  theme: '#6d00cc',
  language: 'en',
  audience: 'global',
  base,
  readme,
  groups: [
    {
      label: 'Movies',
      modules: [
        watchMovieEvents,
        watchNewMovies,
        createMovie,
        getMovie,
        replaceMovie,
        updateMovie,
        deleteMovie,
        searchMovies,
        listMovieAwards,
      ],
    },
    { label: 'People and organizations', modules: [searchPeople, listOrganizations] },
    { label: 'Files', modules: [listFiles, downloadFile, uploadFile] },
    { label: 'Other', modules: [getMyAccount, makeApiCall] },
  ],
  connections: [academy],
  webhooks: [movieEvents],
  modules: [
    getMyAccount,
    createMovie,
    getMovie,
    replaceMovie,
    updateMovie,
    deleteMovie,
    searchMovies,
    searchPeople,
    listOrganizations,
    listMovieAwards,
    watchMovieEvents,
    watchNewMovies,
    listFiles,
    downloadFile,
    uploadFile,
    makeApiCall,
  ],
  rpcs: [listGenres, listMoviesRpc, getMovieCustomFields],
  origins: [
    {
      label: 'Make (eu1)',
      baseUrl: 'https://eu1.make.com/api',
      appId: 'app-academy-v2',
      appVersion: 1,
      apikeyFile: '.secrets/apikey',
    },
  ],
});
