// A load balancer for CI: listens on 127.0.0.1:PORT and sends each request to the next of the given
// base URLs in turn, so consecutive requests of one client land on different FlexConf replicas.
//   node .ci/alternate.js PORT http://127.0.0.1:A http://127.0.0.1:B
'use strict';
const http = require('http');
const [port, ...backends] = process.argv.slice(2);
let next = 0;
http.createServer((req, res) => {
  const target = new URL(backends[next++ % backends.length]);
  const headers = { ...req.headers, host: target.host };
  const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers },
    (answer) => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
  upstream.on('error', (e) => {
    if (res.headersSent) { res.destroy(e); return; } // the answer has begun: pass the failure on as it is
    res.writeHead(502, { 'content-type': 'text/plain' }); res.end(String(e));
  });
  req.pipe(upstream);
}).listen(Number(port), '127.0.0.1', () => console.log('alternating on http://127.0.0.1:' + port + ' between ' + backends.join(', ')));
