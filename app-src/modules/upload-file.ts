import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

export const uploadFile = defineModule({
  name: 'uploadFile',
  type: 'action',
  crud: 'create',
  label: 'Upload a file',
  description:
    'Uploads a file as multipart form data. The API answers with its name and size but stores nothing.',
  connection: academy,
  scope: ['write'],
  mappableParameters: [
    { name: 'fileName', type: 'filename', label: 'File name', semantic: 'file:name', required: true },
    { name: 'data', type: 'buffer', label: 'Data', semantic: 'file:data', required: true },
  ],
  communication: ({ parameters }) => ({
    url: '/files/import',
    method: 'POST',
    type: 'multipart/form-data',
    body: {
      name: parameters.fileName,
      file: { value: parameters.data, options: { filename: parameters.fileName } },
    },
  }),
  interface: [
    { name: 'name', type: 'filename', label: 'File name' },
    { name: 'size', type: 'uinteger', label: 'Size (bytes)' },
  ],
  samples: { name: 'report.pdf', size: 2048 },
});
