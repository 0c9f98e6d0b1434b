// The baseline: a bare node:http server answering a fixed body, to compare Cantiere's pipeline against.
import { createServer } from 'node:http';

const body = '{"status":"ok"}';
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(Number(process.env.PORT ?? 3301), '127.0.0.1', () => process.stdout.write('ready\n'));
