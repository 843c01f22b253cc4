import { defineModule } from 'make-app-toolkit/authoring';
import { movieInterface, movieSample } from '../shared/movie.ts';
import { movieEvents } from '../webhooks/movie-events.ts';

export const watchMovieEvents = defineModule({
  name: 'watchMovieEvents',
  type: 'instant_trigger',
  label: 'Watch movie events',
  description: 'Triggers immediately when one of your movies is created, updated or deleted.',
  webhook: movieEvents,
  interface: [
    { name: 'event', type: 'text', label: 'Event' },
    { name: 'movie', type: 'collection', label: 'Movie', spec: movieInterface },
    { name: 'timestamp', type: 'date', label: 'Timestamp' },
  ],
  samples: { event: 'create', movie: movieSample, timestamp: '2023-04-13T17:04:47+00:00' },
});
