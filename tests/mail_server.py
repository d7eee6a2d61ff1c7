"""A real SMTP server for tests (aiosmtpd, on 127.0.0.1) and the [surel] settings that point at it."""
from __future__ import annotations

import socket


class Inbox:
    """aiosmtpd handler keeping each message as (sender, recipients, raw bytes)."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.messages.append((envelope.mail_from, envelope.rcpt_tos, envelope.content))
        return "250 OK"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def mail_config(tmp_path, monkeypatch, port: int,
                to: tuple[str, ...] = ("kadis@kab.go.id", "sekretariat@kab.go.id")) -> None:
    """A config file whose [surel] sends from peta-rekam@kab.go.id to ``to`` through 127.0.0.1:``port``."""
    conf = tmp_path / "config.toml"
    recipients = ", ".join(f'"{a}"' for a in to)
    conf.write_text(f'[surel]\nhost = "127.0.0.1"\nport = {port}\ndari = "peta-rekam@kab.go.id"\n'
                    f'kepada = [{recipients}]\n', encoding="utf-8")
    monkeypatch.setenv("REKAM_CONFIG", str(conf))
