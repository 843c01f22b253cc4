import { mediaType, readBody } from '../body.ts';
import { FILES } from '../data/seed.ts';
import { ApiError, badRequest, notFound } from '../errors.ts';
import { multipartBoundary, parseMultipart } from '../multipart.ts';
import type { DataContext, Route } from '../router.ts';

/** Files: a fixed list (2 files, 1 folder), byte downloads, and a multipart upload that stores nothing. */
export const fileRoutes: Route<DataContext>[] = [
  {
    method: 'GET',
    pattern: '/files',
    handle: () => ({
      status: 200,
      json: { files: FILES.map(({ id, name, type, size }) => ({ id, name, type, size })) },
    }),
  },
  {
    method: 'GET',
    pattern: '/files/:id/export',
    handle: ({ params }) => {
      const file = FILES.find((f) => f.id === params.id);
      if (!file) throw notFound('File not found');
      if (file.type === 'folder' || !file.content)
        throw badRequest(`"${file.name}" is a folder and cannot be exported`);
      return {
        status: 200,
        bytes: { body: file.content, contentType: file.contentType ?? 'application/octet-stream' },
        headers: { 'content-disposition': `attachment; filename="${file.name}"` },
      };
    },
  },
  {
    method: 'POST',
    pattern: '/files/import',
    handle: async ({ req }) => {
      const type = mediaType(req);
      if (type !== 'multipart/form-data') {
        await readBody(req).catch(() => undefined);
        throw new ApiError(
          415,
          `Upload with multipart/form-data, not ${type ? `"${type}"` : 'an untyped body'}`,
        );
      }
      const boundary = multipartBoundary(req.headers['content-type'] ?? '');
      const parts = parseMultipart(await readBody(req), boundary);
      const file = parts.find((p) => p.filename !== null);
      if (!file) throw badRequest('The multipart body has no file part (a part with a filename)');
      const name =
        parts.find((p) => p.name === 'name' && p.filename === null)?.data.toString('utf8') ||
        file.filename ||
        'upload';
      return { status: 200, json: { name, size: file.data.length } };
    },
  },
];
