"""A socket.io visitor as the widget is one: session_request, then user_uttered; records what it
receives (python-socketio's client, installed with Rasa; long-polling, see tests/browser)."""

import asyncio
from typing import Any, List, Optional

import socketio

from evaluation.socketio_client import leave


class Visitor:
    def __init__(self, url: str) -> None:
        self.url = url
        self.client = socketio.AsyncClient(reconnection=False)
        self.token: Optional[str] = None
        self.received: List[Any] = []
        self._confirmed = asyncio.Event()
        self.client.on("session_confirm", self._on_confirm)
        self.client.on("bot_uttered", self._on_bot)

    async def _on_confirm(self, data: Any) -> None:
        self.token = data
        self._confirmed.set()

    async def _on_bot(self, data: Any) -> None:
        self.received.append(data)

    async def connect(self, session_id: Any = None, request: bool = True) -> "Visitor":
        await self.client.connect(self.url, socketio_path="/socket.io", transports=["polling"])
        if request:
            await self.client.emit("session_request", {"session_id": session_id})
            await asyncio.wait_for(self._confirmed.wait(), 15)
        return self

    async def say(self, message: Any, session_id: Any = None) -> None:
        await self.client.emit("user_uttered", {"message": message, "session_id": session_id or self.token})

    async def wait_for(self, count: int, timeout: float = 30) -> List[Any]:
        deadline = asyncio.get_running_loop().time() + timeout
        while len(self.received) < count and asyncio.get_running_loop().time() < deadline:
            await asyncio.sleep(0.1)
        await asyncio.sleep(0.5)  # the rest of the turn
        return self.received

    def texts(self) -> List[str]:
        return [m["text"] for m in self.received if isinstance(m, dict) and m.get("text")]

    async def close(self) -> None:
        await leave(self.client)
