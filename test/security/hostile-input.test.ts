/**
 * A server under test, or a student's app, may be hostile: a response that never ends must not
 * exhaust the simulator's memory, and text built to make a parser rescan itself must not stall it.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathShape } from '../../generator/diff/match.ts';
import { parseForm } from '../../generator/simulate/consent.ts';
import { htmlMessage } from '../../generator/simulate/html-message.ts';
import { createFetchTransport, MAX_RESPONSE_BYTES } from '../../generator/simulate/http.ts';
import { parseXml } from '../../generator/simulate/xml.ts';

let server: Server;
let origin = '';
let sentBytes = 0;
const CHUNK = Buffer.alloc(1024 * 1024, 'x');

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/declared') {
      res.writeHead(200, { 'content-length': String(MAX_RESPONSE_BYTES * 4) });
      res.write(CHUNK);
      return; // never finishes: the client must give up on the header alone
    }
    // /endless: chunked, no length, until the client goes away
    res.writeHead(200, { 'content-type': 'text/plain' });
    const push = () => {
      while (!res.destroyed && sentBytes < MAX_RESPONSE_BYTES * 8) {
        sentBytes += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', push);
      }
      res.end();
    };
    push();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const send = (path: string) =>
  createFetchTransport({ 'evil.test': origin }, { allowUnmapped: false }).send({
    method: 'GET',
    url: `https://evil.test${path}`,
    headers: {},
    timeoutMs: 30_000,
  });

describe('a hostile server', () => {
  it('streaming without end: the request fails with a data-size error and the download stops', async () => {
    await expect(send('/endless')).rejects.toMatchObject({
      type: 'DataSizeLimitExceededError',
      message: expect.stringMatching(/larger than 64 MB.*GET https:\/\/evil\.test\/endless/),
    });
    // the client hung up soon after the cap, long before the server's own stop at 8× the cap
    expect(sentBytes).toBeLessThan(MAX_RESPONSE_BYTES * 2);
  });

  it('declaring a body over the cap: refused on the header, before the body is read', async () => {
    await expect(send('/declared')).rejects.toMatchObject({ type: 'DataSizeLimitExceededError' });
  });

  it('an error page that opens markup it never closes is summarised in one pass', () => {
    // each of these made the former regular expressions rescan the page from every `<`
    for (const unit of ['<script>', '<!--', '<p class="error">', '<a'])
      expect(htmlMessage(unit.repeat(300_000))).toBe('');
    expect(htmlMessage('<p class="error">bad &#99999999999; value</p>')).toBe('bad &#99999999999; value');
  });

  it('an XML body that opens a comment or CDATA it never closes is a DataError at once', () => {
    for (const unit of ['<!--', '<![CDATA[', '<a bbbbbbbbbbbbbbbb'])
      expect(() => parseXml(unit.repeat(300_000))).toThrow(/Malformed XML near offset 0/);
    expect(parseXml('<a>&#99999999999;</a>')).toEqual({ a: ['&#99999999999;'] });
  });

  it('a consent page that opens a form, label or button it never closes is read in one pass', () => {
    for (const unit of ['<form ', '<form>', '<form><label>', '<form><button>', '<form><input '])
      expect(parseForm(unit.repeat(300_000))).toBeUndefined();
  });

  it('a consent form with many labelled fields gives each input the label around it', () => {
    const many = Array.from(
      { length: 20_000 },
      (_, i) => `<label>User ${i} <input type="radio" name="a" value="u${i}"></label>`,
    );
    const form = parseForm(
      `<form method="post"><input name="before">${many.join('')}<label for="z">Z</label><input id="z" name="z"></form>`,
    );
    expect(form?.fields).toHaveLength(20_002);
    expect(form?.fields[0].text).toBe('');
    expect(form?.fields[12_346]).toMatchObject({ value: 'u12345', text: 'User 12345' });
    expect(form?.fields.at(-1)).toMatchObject({ name: 'z', text: 'Z' });
  });
});

describe('a hostile app', () => {
  it('a URL of a million unclosed `{{` gets its path shape in one pass (matching components by behaviour)', () => {
    expect(pathShape(`/movies/{{parameters.id}}/${'{{'.repeat(1_000_000)}`)).toBe(
      `/movies/{}/${'{{'.repeat(1_000_000)}`,
    );
  });
});
