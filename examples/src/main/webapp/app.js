'use strict';
// The demo page: the browser's own WebSocket against Freeway's /echo, /bridge/echo and /chat/{room}.
// URLs are relative to the page, so the WAR works under any context path.

function socketUrl(path) {
  const base = new URL('.', window.location.href);
  base.protocol = base.protocol === 'https:' ? 'wss:' : 'ws:';
  return new URL(path, base).href;
}

function log(list, text, kind) {
  const item = document.createElement('li');
  item.className = kind;
  item.textContent = text;
  list.appendChild(item);
  list.scrollTop = list.scrollHeight;
}

function showStatus(element, text, state) {
  element.textContent = text;
  element.className = 'status ' + state;
}

// ---- echo: connects at once, and again after a close
(function echo() {
  const status = document.getElementById('echo-status');
  const extensions = document.getElementById('echo-extensions');
  const input = document.getElementById('echo-input');
  const binary = document.getElementById('echo-binary');
  const list = document.getElementById('echo-log');
  let ws;

  function connect() {
    ws = new WebSocket(socketUrl('echo'));
    ws.binaryType = 'arraybuffer';
    showStatus(status, 'connecting', '');
    ws.onopen = () => {
      showStatus(status, 'open', 'open');
      extensions.textContent = ws.extensions || 'none';
    };
    ws.onmessage = (event) => {
      if (typeof event.data === 'string') {
        log(list, event.data, 'in');
      } else {
        log(list, '[binary] ' + new TextDecoder().decode(event.data), 'in');
      }
    };
    ws.onclose = (event) => {
      showStatus(status, 'closed (' + event.code + ')', 'closed');
      setTimeout(connect, 3000);
    };
  }

  document.getElementById('echo-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (ws.readyState !== WebSocket.OPEN) {
      return;
    }
    const text = input.value;
    if (binary.checked) {
      ws.send(new TextEncoder().encode(text));
      log(list, '[binary] ' + text, 'out');
    } else {
      ws.send(text);
      log(list, text, 'out');
    }
    input.value = '';
  });
  connect();
})();

// ---- chat: joins a room on request; rejoining switches rooms
(function chat() {
  const status = document.getElementById('chat-status');
  const name = document.getElementById('chat-name');
  const room = document.getElementById('chat-room');
  const input = document.getElementById('chat-input');
  const send = document.getElementById('chat-send');
  const list = document.getElementById('chat-log');
  let ws;

  function enable(on) {
    input.disabled = !on;
    send.disabled = !on;
  }

  document.getElementById('chat-join-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (ws) {
      ws.onclose = null;
      ws.close(1000, 'switching rooms');
    }
    const path = 'chat/' + encodeURIComponent(room.value) + '?name=' + encodeURIComponent(name.value);
    const socket = new WebSocket(socketUrl(path));
    ws = socket;
    showStatus(status, 'joining #' + room.value, '');
    socket.onopen = () => {
      showStatus(status, 'in #' + room.value, 'open');
      enable(true);
      input.focus();
    };
    socket.onmessage = (event) => log(list, event.data, event.data.startsWith('* ') ? 'info' : 'in');
    socket.onclose = (event) => {
      showStatus(status, 'closed (' + event.code + ')', 'closed');
      enable(false);
    };
  });

  document.getElementById('chat-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (ws && ws.readyState === WebSocket.OPEN) {
      ws.send(input.value);
      input.value = '';
    }
  });
})();

// ---- bridge: a websockify-style byte stream to a TCP echo service, binary or base64 framing
(function bridge() {
  const status = document.getElementById('bridge-status');
  const protocol = document.getElementById('bridge-protocol');
  const input = document.getElementById('bridge-input');
  const send = document.getElementById('bridge-send');
  const list = document.getElementById('bridge-log');
  let ws;

  // Base64 of bytes, and back, one message at a time (each message decodes on its own).
  const toBase64 = (bytes) => btoa(String.fromCharCode(...bytes));
  const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

  function connected(open) {
    input.disabled = !open;
    send.disabled = !open;
  }

  document.getElementById('bridge-connect-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (ws) {
      ws.close();
    }
    const framing = document.querySelector('input[name="bridge-framing"]:checked').value;
    const socket = new WebSocket(socketUrl('bridge/echo'), [framing]);
    ws = socket;
    socket.binaryType = 'arraybuffer';
    showStatus(status, 'connecting', '');
    socket.onopen = () => {
      showStatus(status, 'open', 'open');
      protocol.textContent = socket.protocol || 'none';
      connected(true);
    };
    socket.onmessage = (event) => {
      const bytes = typeof event.data === 'string' ? fromBase64(event.data) : new Uint8Array(event.data);
      log(list, new TextDecoder().decode(bytes), 'in');
    };
    socket.onclose = (event) => {
      if (ws === socket) {
        showStatus(status, 'closed (' + event.code + (event.reason ? ': ' + event.reason : '') + ')', 'closed');
        connected(false);
      }
    };
  });

  document.getElementById('bridge-form').addEventListener('submit', (event) => {
    event.preventDefault();
    if (!ws || ws.readyState !== WebSocket.OPEN) {
      return;
    }
    const bytes = new TextEncoder().encode(input.value);
    ws.send(ws.protocol === 'base64' ? toBase64(bytes) : bytes);
    log(list, input.value, 'out');
    input.value = '';
  });
})();
