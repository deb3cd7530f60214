"""Python websockets as a permessage-deflate echo server for Freeway's client.

Usage: deflate_server.py FACTORY_JSON
FACTORY_JSON has ServerPerMessageDeflateFactory's arguments, e.g. {"client_max_window_bits": 10}.
Prints "port N" once listening on 127.0.0.1; then for each connection, once it closes, one line of
JSON: the extensions the client offered and the server answered, how many compressed messages
the client sent, and their stream in hex. Echoes every message. Stops after 60 s, or when stdin
closes.
"""
import asyncio
import json
import sys

import websockets
from websockets.extensions.permessage_deflate import ServerPerMessageDeflateFactory

from deflate_capture import Capture


async def main(settings):
    capture = Capture()
    factory = ServerPerMessageDeflateFactory(**settings)

    async def echo(ws, path=None):
        start = len(capture.stream), capture.messages
        try:
            async for message in ws:
                await ws.send(message)
        except websockets.ConnectionClosed:
            pass
        print(json.dumps({
            "offered": ws.request_headers.get("Sec-WebSocket-Extensions", ""),
            "extensions": ws.response_headers.get("Sec-WebSocket-Extensions", ""),
            "messages": capture.messages - start[1],
            "stream": capture.stream[start[0]:].hex(),
        }), flush=True)

    async with websockets.serve(echo, "127.0.0.1", 0, extensions=[factory], compression=None,
                                max_size=2 ** 22) as server:
        port = server.sockets[0].getsockname()[1]
        print("port %d" % port, flush=True)
        loop = asyncio.get_running_loop()
        stdin_closed = loop.run_in_executor(None, sys.stdin.read)
        await asyncio.wait_for(stdin_closed, 60)


if __name__ == "__main__":
    try:
        asyncio.run(main(json.loads(sys.argv[1])))
    except asyncio.TimeoutError:
        pass
