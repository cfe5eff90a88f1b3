"""Rasa 3.6's socket.io channel, with the fixes the website widget needs.

1. With python-socketio >= 5.10 (pinned: 5.18.1) `AsyncServer.enter_room` is a coroutine, and Rasa
   3.6 calls it without `await`: with `session_persistence: true` the visitor's socket never joins
   the session's room, so no bot message ever reaches the widget.
2. Rasa 3.6 emits a custom payload as `sio.emit(event, **payload)`: `{"kind": "answer", ...}`
   raises `TypeError: emit() got an unexpected keyword argument 'kind'` and the rest of the turn
   is lost. Here it is sent like the REST channel sends it: `{"custom": {...}}`.
3. Rasa 3.6 lets the client choose its session id and joins whoever sends it to that session's
   room: a second client with a visitor's id (or a guessed one, "1") receives their answers.
   Here the server issues signed, unguessable session tokens (channels/sessions.py), a token
   held by another connected socket gets a new session instead, and a message always goes to
   the session its socket was confirmed in, whatever id it carries.
4. Messages are bounded (channels/limits.py): the first MAX_MESSAGE_CHARS characters are read,
   the visitor is told, and socket.io packets over the body limit are refused.

`name()` stays "socketio", so the domain's `channel: socketio` responses and the actions'
channel checks are unchanged. credentials.yml: `channels.socketio.SocketIOInput:` instead of
`socketio:` (same keys).
"""

import json
from typing import Any, Awaitable, Callable, Dict, Optional

import rasa.shared.utils.io
from rasa.core.channels import socketio as rasa_socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint

from channels import limits
from channels.sessions import SessionTokens

NOT_TEXT = "I can only read text messages: please type your question."


class SocketIOOutput(rasa_socketio.SocketIOOutput):
    async def send_custom_json(self, recipient_id: str, json_message: Dict[str, Any], **kwargs: Any) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class SocketIOInput(rasa_socketio.SocketIOInput):
    def get_output_channel(self) -> Optional[SocketIOOutput]:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio  # set by super(); registering an event again replaces its handler
        self.tokens = SessionTokens()
        self.queues = limits.Queues()

        sio.eio.max_http_buffer_size = limits.MAX_REQUEST_BYTES
        limits.limit_request_bodies(webhook)

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: str, data: Any) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            token = asked if self.tokens.valid(asked) else self.tokens.issue()
            if self.session_persistence:
                room = self.tokens.sender_id(token)
                others = [s for s, _ in sio.manager.get_participants(self.namespace or "/", room)]
                if any(other != sid for other in others):
                    # held by another connected socket: never share a conversation
                    token = self.tokens.issue()
                    room = self.tokens.sender_id(token)
                await sio.enter_room(sid, room, namespace=self.namespace)
            else:
                room = sid
            await sio.save_session(sid, {"sender": room}, namespace=self.namespace)
            await sio.emit("session_confirm", token, room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: str, data: Any) -> None:
            output_channel = SocketIOOutput(sio, self.bot_message_evt)
            session = await sio.get_session(sid, namespace=self.namespace)
            sender_id = session.get("sender")
            if not sender_id:
                rasa.shared.utils.io.raise_warning(
                    "A message before `session_request` was received and ignored: send "
                    "`session_request` first and wait for `session_confirm`."
                )
                return
            data = data if isinstance(data, dict) else {"message": data}
            if not isinstance(data.get("message"), str):
                await output_channel.send_text_message(sender_id, NOT_TEXT)
                return
            if not self.queues.enter(sender_id):
                await output_channel.send_text_message(sender_id, limits.TOO_MANY)
                return
            text, cut = limits.bounded(data["message"])
            metadata = data.get(self.metadata_key) or {}
            if isinstance(metadata, str):
                try:
                    metadata = json.loads(metadata)
                except ValueError:
                    metadata = {}
            try:
                await on_new_message(
                    UserMessage(
                        text,
                        output_channel,
                        sender_id,
                        input_channel=self.name(),
                        metadata=metadata if isinstance(metadata, dict) else {},
                    )
                )
            finally:
                self.queues.leave(sender_id)
            if cut:
                await output_channel.send_text_message(sender_id, limits.shortened_notice())

        return webhook
