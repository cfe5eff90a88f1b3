"""Serve the widget's demo page: web/index.html at / and widget/dist/widget.js at /widget.js.

    python -m web.serve [--port WEB_PORT] [--host 127.0.0.1] [--rasa-url http://localhost:RASA_PORT]

Standard library only; no Node at run time (build the widget first: cd widget && npm ci && npm run
build). The page's script tag is pointed at --rasa-url (default: $RASA_URL, else
http://localhost:$RASA_PORT, else http://localhost:5005). Every other path is a 404.
"""

import argparse
import os
import re
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from paths import PROJECT_ROOT

PAGE = PROJECT_ROOT / "web" / "index.html"
BUNDLE = PROJECT_ROOT / "widget" / "dist" / "widget.js"
SCRIPT_TAG = re.compile(r'(<script src="/widget\.js" data-server=")[^"]*(")')


def default_rasa_url() -> str:
    return os.environ.get("RASA_URL") or f"http://localhost:{os.environ.get('RASA_PORT', '5005')}"


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def content_security_policy(rasa_url: str) -> str:
    http_origin = origin(rasa_url)
    ws_origin = re.sub(r"^http", "ws", http_origin)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self' 'unsafe-inline'",  # the widget's own <style> in its shadow root
            f"connect-src 'self' {http_origin} {ws_origin}",
            "img-src 'self' data:",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors 'none'",
        ]
    )


def make_handler(rasa_url: str):
    csp = content_security_policy(rasa_url)

    class Handler(BaseHTTPRequestHandler):
        server_version = "widget-demo"
        sys_version = ""

        def do_GET(self):  # noqa: N802 (http.server's naming)
            self.respond(head=False)

        def do_HEAD(self):  # noqa: N802
            self.respond(head=True)

        def respond(self, head: bool) -> None:
            path = urlsplit(self.path).path
            if path in ("/", "/index.html"):
                page = SCRIPT_TAG.sub(lambda m: m.group(1) + rasa_url + m.group(2), PAGE.read_text(encoding="utf-8"))
                self.send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", head)
            elif path == "/widget.js":
                if not BUNDLE.is_file():
                    body = b"/* widget.js is not built: cd widget && npm ci && npm run build */\n"
                    self.send(HTTPStatus.SERVICE_UNAVAILABLE, body, "text/javascript; charset=utf-8", head)
                    return
                self.send(HTTPStatus.OK, BUNDLE.read_bytes(), "text/javascript; charset=utf-8", head)
            else:
                self.send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8", head)

        def send(self, status: HTTPStatus, body: bytes, content_type: str, head: bool) -> None:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header("Referrer-Policy", "no-referrer")
            self.send_header("Content-Security-Policy", csp)
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def log_message(self, fmt, *args):  # one short line per request, to stderr
            sys.stderr.write(f"web: {self.address_string()} {fmt % args}\n")

    return Handler


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("WEB_PORT", "8000")))
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rasa-url", default=default_rasa_url())
    args = parser.parse_args(argv)
    if not BUNDLE.is_file():
        print(
            f"warning: {BUNDLE.relative_to(PROJECT_ROOT)} is missing: cd widget && npm ci && npm run build",
            file=sys.stderr,
        )
    server = ThreadingHTTPServer((args.host, args.port), make_handler(args.rasa_url))
    print(f"Demo page on http://localhost:{args.port}/ (widget talks to {args.rasa_url})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
