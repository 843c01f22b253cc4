import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';
import { limitParameter } from '../shared/limit.ts';

export const listFiles = defineModule({
  name: 'listFiles',
  type: 'search',
  label: 'List files',
  description: 'Lists the files and folders of your App Academy account.',
  connection: academy,
  scope: ['read'],
  mappableParameters: [limitParameter],
  communication: ({ parameters, body, item }) => ({
    url: '/files',
    method: 'GET',
    response: {
      iterate: body.files,
      output: item,
      limit: parameters.limit,
    },
  }),
  interface: [
    { name: 'id', type: 'text', label: 'File ID' },
    { name: 'name', type: 'filename', label: 'Name' },
    { name: 'type', type: 'text', label: 'Type (file or folder)' },
    { name: 'size', type: 'uinteger', label: 'Size (bytes)' },
  ],
  samples: { id: 'f1a2b3c4d5e6', name: 'readme.txt', type: 'file', size: 64 },
});
