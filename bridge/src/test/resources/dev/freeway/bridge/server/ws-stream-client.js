// A websockify-style browser client on Node's `ws` library (Debian's node-ws): offers one
// subprotocol, then uploads or downloads a byte stream, hashing it with SHA-256.
//   node ws-stream-client.js URL upload|download BYTES binary|base64
// Prints one JSON line: {"protocol", "bytes", "sha256", "code", "reason"}.
'use strict';
const WebSocket = require('ws');
const crypto = require('crypto');

const [url, mode, total, framing] = [process.argv[2], process.argv[3], Number(process.argv[4]), process.argv[5]];
const base64 = framing === 'base64';
const hash = crypto.createHash('sha256');
let bytes = 0;

const ws = new WebSocket(url, [framing]);
ws.binaryType = 'nodebuffer';

function send(payload) {
  return new Promise((resolve, reject) => ws.send(payload, { binary: !base64 }, e => (e ? reject(e) : resolve())));
}

async function upload() {
  const chunk = 48 * 1024; // a multiple of 3: base64 messages carry no padding in the middle
  while (bytes < total) {
    const buf = crypto.randomBytes(Math.min(chunk, total - bytes));
    hash.update(buf);
    bytes += buf.length;
    await send(base64 ? buf.toString('base64') : buf);
  }
  ws.close(1000, 'done');
}

ws.on('open', () => {
  if (mode === 'upload') {
    upload().catch(e => { console.error(e); process.exit(2); });
  }
});
ws.on('message', (data, isBinary) => {
  const buf = base64 ? Buffer.from(data.toString('ascii'), 'base64') : data;
  hash.update(buf);
  bytes += buf.length;
});
ws.on('close', (code, reason) => {
  console.log(JSON.stringify({ protocol: ws.protocol, bytes, sha256: hash.digest('hex'), code, reason: reason.toString() }));
  process.exit(0);
});
ws.on('error', e => { console.error(String(e)); process.exit(3); });
