/** A media server on 127.0.0.1 for the links posted to the bot: paths under /story are web pages, the rest short "videos". */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface MediaServer {
  base: string;
  close(): Promise<void>;
}

export async function startMediaServer(): Promise<MediaServer> {
  const media = createServer((req, res) => {
    const isPage = req.url?.startsWith('/story');
    res.writeHead(200, { 'content-type': isPage ? 'text/html; charset=utf-8' : 'video/mp4' });
    res.end(req.method === 'HEAD' ? undefined : isPage ? '<html>news</html>' : Buffer.alloc(16));
  });
  await new Promise<void>((done) => media.listen(0, '127.0.0.1', done));
  return {
    base: `http://127.0.0.1:${(media.address() as AddressInfo).port}`,
    close: async () => {
      media.closeAllConnections();
      await new Promise((done) => media.close(done));
    },
  };
}
