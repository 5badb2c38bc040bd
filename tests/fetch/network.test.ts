import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpFetch } from '../../src/fetch/index.js';
import { deadPort, failure, options } from './support.js';

/** A raw TCP server, to misbehave in ways node:http will not. */
async function rawServer(onSocket: (socket: Socket) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/report`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('httpFetch: network failures', () => {
  it('a dead port is one sentence naming the host and the cause', async () => {
    const port = await deadPort();
    const err = await failure(httpFetch(`http://127.0.0.1:${port}/report`, options()));
    expect(err.code).toBe('fetch');
    expect(err.message).toBe(`Could not connect to 127.0.0.1:${port}: connection refused. Check the address or try again later.`);
  });

  it('a connection closed before any response', async () => {
    const server = await rawServer((socket) => socket.once('data', () => socket.destroy()));
    try {
      const err = await failure(httpFetch(server.url, options()));
      expect(err.code).toBe('fetch');
      expect(err.message).toMatch(/^Could not connect to 127\.0\.0\.1:\d+: the (server closed the connection|connection was reset)\. /);
    } finally {
      await server.close();
    }
  });

  it('a connection cut off half way through the body', async () => {
    const server = await rawServer((socket) =>
      socket.once('data', () => {
        socket.write('HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 1000\r\n\r\n<html>only part');
        setTimeout(() => socket.destroy(), 50);
      }),
    );
    try {
      const err = await failure(httpFetch(server.url, options()));
      expect(err.code).toBe('fetch');
      expect(err.message).toMatch(/^The connection to 127\.0\.0\.1:\d+ broke while downloading http:\/\/127\.0\.0\.1:\d+\/report: .+\. Try again later\.$/);
    } finally {
      await server.close();
    }
  });

  it('a reply that is not HTTP', async () => {
    const server = await rawServer((socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
    try {
      const err = await failure(httpFetch(server.url, options()));
      expect(err.message).toMatch(/^Could not connect to 127\.0\.0\.1:\d+: .+\. Check the address or try again later\.$/);
      expect(err.message).not.toContain('\n');
    } finally {
      await server.close();
    }
  });
});
