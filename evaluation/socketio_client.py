"""Leaving a socket.io conversation the way a closed browser tab does, without waiting out the
long-poll.

python-socketio's ``disconnect()`` sends the goodbye packets and then waits for the pending
long-polling request to return, which the server holds until its ping interval ends (25 s in
Rasa's socket.io channel): every visitor of the tests and the scale check cost half a minute to
leave. Here the goodbye is sent as always, and the wait is cut short."""

import asyncio
import contextlib

import socketio

# long enough for the goodbye POST to reach a loopback server, short against the 25-second poll
GOODBYE_SECONDS = 2.0


async def leave(client: socketio.AsyncClient) -> None:
    """Disconnect ``client``: the disconnect and close packets are sent; the pending poll is then
    cancelled instead of awaited, and the HTTP session closed."""
    if not client.connected:
        return
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(client.disconnect(), GOODBYE_SECONDS)
    http = getattr(client.eio, "http", None)
    if http is not None and not http.closed:
        await http.close()
