"""Socket.io session tokens that can't be guessed, forged or read out of a log.

The server issues every session token: 128 random bits and an HMAC-SHA256 signature (128 bits)
under SESSION_SECRET. A token the server did not sign (one the client made up, "1", a
truncated or altered one) is never accepted: the client gets a new token instead. The
conversation's sender id in the tracker store, the logs and the escalation records is a second
HMAC of the token, so nobody who can read those can take a conversation over.

SESSION_SECRET comes from the environment; when it is unset, a random key is created once in
var/session.key (mode 0600). Several Rasa servers behind one load balancer must share it.
"""

import hashlib
import hmac
import os
import secrets
from pathlib import Path
from typing import Optional

from paths import VAR_DIR

KEY_FILE = VAR_DIR / "session.key"
RANDOM_HEX = 32  # 128 bits
SIGNATURE_HEX = 32  # 128 bits of the HMAC


def _key_from_file(path: Path) -> bytes:
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip().encode()
    with os.fdopen(fd, "w") as file:
        file.write(secrets.token_hex(32))
    return path.read_text().strip().encode()


class SessionTokens:
    def __init__(self, secret: Optional[str] = None) -> None:
        secret = secret or os.environ.get("SESSION_SECRET")
        self.key = secret.encode() if secret else _key_from_file(KEY_FILE)

    def _mac(self, purpose: str, value: str) -> str:
        return hmac.new(self.key, f"{purpose}:{value}".encode(), hashlib.sha256).hexdigest()

    def issue(self) -> str:
        random_part = secrets.token_hex(RANDOM_HEX // 2)
        return f"{random_part}.{self._mac('token', random_part)[:SIGNATURE_HEX]}"

    def valid(self, token: object) -> bool:
        if not isinstance(token, str) or len(token) != RANDOM_HEX + 1 + SIGNATURE_HEX:
            return False
        random_part, _, signature = token.partition(".")
        expected = self._mac("token", random_part)[:SIGNATURE_HEX]
        return hmac.compare_digest(signature, expected)

    def sender_id(self, token: str) -> str:
        """The conversation's id in the tracker store: not the token, and no way back to it."""
        return "web-" + self._mac("sender", token)[:32]
