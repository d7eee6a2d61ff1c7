"""Sending a digest by e-mail through the office's SMTP server (``[surel]`` in data/config.toml).

Plain text, UTF-8. STARTTLS when the server offers it and ``starttls`` is on (the default);
a login when a user is set (the password only from ``REKAM_SMTP_PASSWORD``).
"""
from __future__ import annotations

import smtplib
from email.message import EmailMessage
from email.utils import formatdate, make_msgid

from geo.config import Settings
from geo.schema import RekamError

TIMEOUT_SECONDS = 30


def mail_ready(settings: Settings) -> bool:
    return bool(settings.smtp_host and settings.mail_from and settings.mail_to)


def send_text(settings: Settings, subject: str, body: str) -> tuple[str, ...]:
    """Send ``body`` to ``settings.mail_to``; returns the recipients. Raises RekamError
    'surel_tidak_diatur' without host, sender or recipients, 'surel_gagal' when the server
    cannot be reached or refuses the message."""
    if not mail_ready(settings):
        raise RekamError("surel_tidak_diatur")
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = settings.mail_from, ", ".join(settings.mail_to), subject
    msg["Date"], msg["Message-ID"] = formatdate(localtime=True), make_msgid(domain="peta-rekam")
    msg.set_content(body, charset="utf-8")
    try:
        with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=TIMEOUT_SECONDS) as smtp:
            smtp.ehlo()
            if settings.smtp_starttls and smtp.has_extn("starttls"):
                smtp.starttls()
                smtp.ehlo()
            if settings.smtp_user:
                smtp.login(settings.smtp_user, settings.smtp_password or "")
            smtp.send_message(msg)
    except (OSError, smtplib.SMTPException) as exc:
        raise RekamError("surel_gagal", host=settings.smtp_host, port=settings.smtp_port,
                         detail=str(exc)[:200] or type(exc).__name__) from None
    return settings.mail_to
