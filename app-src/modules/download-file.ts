import { defineModule } from 'make-app-toolkit/authoring';
import { academy } from '../connections/academy.ts';

export const downloadFile = defineModule({
  name: 'downloadFile',
  type: 'action',
  crud: 'read',
  label: 'Download a file',
  description: 'Downloads the content of a file (folders cannot be downloaded).',
  connection: academy,
  scope: ['read'],
  mappableParameters: [
    { name: 'fileId', type: 'text', label: 'File ID', help: 'Use List files to find it.', required: true },
  ],
  communication: ({ parameters, body, headers }) => ({
    url: `/files/${parameters.fileId}/export`,
    method: 'GET',
    response: {
      type: 'binary',
      output: { fileId: parameters.fileId, contentType: headers['content-type'], data: body },
    },
  }),
  interface: [
    { name: 'fileId', type: 'text', label: 'File ID' },
    { name: 'contentType', type: 'text', label: 'Content type' },
    { name: 'data', type: 'buffer', label: 'Data', semantic: 'file:data' },
  ],
  samples: {
    fileId: 'f1a2b3c4d5e6',
    contentType: 'text/plain; charset=utf-8',
    data: 'IMTBuffer(64, binary, 5d41402abc4b2a76)',
  },
});
