"""The ingest benchmark's baseline: a bare Bolt app with a no-op `message` listener (or, with
`--null`, no Bolt at all: the load generator's ceiling).

It runs behind exactly the server Giveback uses (`bot.server`: the same WSGI wrapper, the same
waitress settings and thread count) and checks the same Slack signatures, so the only difference
from `giveback run` is everything Giveback does per event: detection, the ledger transaction,
and the after-ack side effects.

    python bench/bare_bolt.py --port 3100 --threads 8 --api-url http://127.0.0.1:PORT/api/ \
        --signing-secret SECRET --token xoxb-…
"""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def build(signing_secret: str, token: str, api_url: str) -> Any:
    from slack_bolt import App
    from slack_sdk import WebClient

    bolt = App(
        client=WebClient(token=token, base_url=api_url),
        signing_secret=signing_secret,
        # The same Bolt options as bot.app: ack after the listener, auth.test on first request.
        process_before_response=True,
        token_verification_enabled=False,
        raise_error_for_unhandled_request=False,
    )

    @bolt.event("message")
    def ignore(event: dict[str, Any]) -> None:
        """No-op: the baseline measures Bolt + server + signature checks only."""

    return bolt


def null_app(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    """Reads the request and answers 200 with no signature check and no Bolt: what the load
    generator and waitress can do on this machine, so a bare-Bolt figure near it means the
    generator, not Bolt, was the limit."""
    length = int(environ.get("CONTENT_LENGTH") or 0)
    environ["wsgi.input"].read(length)
    body = b'{"ok":true}'
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bare_bolt", description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--signing-secret", required=True)
    parser.add_argument("--token", required=True)
    parser.add_argument("--api-url", required=True)
    parser.add_argument("--null", action="store_true", help="no Bolt at all: the load generator's ceiling")
    args = parser.parse_args(argv)

    from bot.server import build_wsgi_app, create_server

    wsgi = null_app if args.null else build_wsgi_app(build(args.signing_secret, args.token, args.api_url), lambda: True)
    server = create_server(wsgi, args.host, args.port, threads=args.threads)

    def stop(*_: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
