"""Rasa 3.6's socket.io channel, with the two fixes the website widget needs.

1. With python-socketio >= 5.10 (pinned: 5.18.1) `AsyncServer.enter_room` is a coroutine, and Rasa
   3.6 calls it without `await`: with `session_persistence: true` the visitor's socket never joins
   the session's room, so no bot message ever reaches the widget.
2. Rasa 3.6 emits a custom payload as `sio.emit(event, **payload)`: `{"kind": "answer", ...}`
   raises `TypeError: emit() got an unexpected keyword argument 'kind'` and the rest of the turn
   is lost. Here it is sent like the REST channel sends it: `{"custom": {...}}`.

`name()` stays "socketio", so the domain's `channel: socketio` responses and the actions'
channel checks are unchanged. credentials.yml: `channels.socketio.SocketIOInput:` instead of
`socketio:` (same keys).
"""
import json
import uuid
from typing import Any, Awaitable, Callable, Dict, Optional, Text

import rasa.shared.utils.io
from rasa.core.channels import socketio as rasa_socketio
from rasa.core.channels.channel import UserMessage
from sanic import Blueprint


class SocketIOOutput(rasa_socketio.SocketIOOutput):
    async def send_custom_json(
        self, recipient_id: Text, json_message: Dict[Text, Any], **kwargs: Any
    ) -> None:
        await self._send_message(recipient_id, {"custom": json_message})


class SocketIOInput(rasa_socketio.SocketIOInput):
    def get_output_channel(self) -> Optional[SocketIOOutput]:
        if self.sio is None:
            return super().get_output_channel()
        return SocketIOOutput(self.sio, self.bot_message_evt)

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = super().blueprint(on_new_message)
        sio = self.sio  # set by super(); registering an event again replaces its handler

        @sio.on("session_request", namespace=self.namespace)
        async def session_request(sid: Text, data: Optional[Dict]) -> None:
            data = data if isinstance(data, dict) else {}
            if not data.get("session_id"):
                data["session_id"] = uuid.uuid4().hex
            if self.session_persistence:
                await sio.enter_room(sid, data["session_id"], namespace=self.namespace)
            await sio.emit("session_confirm", data["session_id"], room=sid, namespace=self.namespace)

        @sio.on(self.user_message_evt, namespace=self.namespace)
        async def handle_message(sid: Text, data: Dict) -> None:
            output_channel = SocketIOOutput(sio, self.bot_message_evt)
            if self.session_persistence:
                if not data.get("session_id"):
                    rasa.shared.utils.io.raise_warning(
                        "A message without a session_id was received and ignored: send "
                        "`session_request` first and the session id with every message."
                    )
                    return
                sender_id = data["session_id"]
            else:
                sender_id = sid
            metadata = data.get(self.metadata_key, {})
            if isinstance(metadata, Text):
                metadata = json.loads(metadata)
            await on_new_message(
                UserMessage(
                    data.get("message", ""),
                    output_channel,
                    sender_id,
                    input_channel=self.name(),
                    metadata=metadata,
                )
            )

        return webhook
