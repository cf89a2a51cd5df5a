"""The audit log as a hash chain: who changed which price, when, from what to what.

Every entry holds the hash of the entry before it (``prev_hash``) and its own hash
(``entry_hash`` = SHA-256 over the previous hash and the entry's fields, canonical JSON), so
changing, deleting or reordering any stored entry breaks the chain from that entry on;
:func:`first_broken` finds the first such entry when a file is opened. This is tamper
*evidence*, not tamper proofing: someone who rewrites the whole chain after the edited entry
is not detected (there is no key), but an edit made with an SQLite tool is.

Used by the project file and the price library (``audit_log`` tables), by the window's audit
list and by the PDF's audit appendix. Standard library only (every layer may import it).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime

#: ``prev_hash`` of the first entry
GENESIS = ""


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One line of an audit log.

    Attributes:
        at: when, UTC ISO-8601 (``2026-11-30T07:12:00+00:00``).
        who: ``user@host``.
        action: ``save``, ``upgrade``, ``price.resource``, ``price.override``,
            ``price.custom``, ``reprice``, ``add`` (import into the library), ``publish``…
        detail: a free summary.
        subject: what changed (``Fisik › Galian tanah: harga satuan``).
        old: the value before (text, ``str(Decimal)`` for money), ``""`` when none.
        new: the value after, ``""`` when none.
        prev_hash: ``entry_hash`` of the entry before (:data:`GENESIS` for the first).
        entry_hash: :func:`hash_entry` of this entry.
    """

    at: str
    who: str
    action: str
    detail: str = ""
    subject: str = ""
    old: str = ""
    new: str = ""
    prev_hash: str = ""
    entry_hash: str = ""


def hash_entry(entry: AuditEntry, prev_hash: str) -> str:
    """SHA-256 (hex) of ``prev_hash`` and the entry's content fields (not its own hashes)."""
    payload = [prev_hash, entry.at, entry.who, entry.action, entry.detail, entry.subject,
               entry.old, entry.new]
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def link(entry: AuditEntry, prev_hash: str) -> AuditEntry:
    """``entry`` chained after an entry whose hash is ``prev_hash``."""
    return replace(entry, prev_hash=prev_hash, entry_hash=hash_entry(entry, prev_hash))


def chain(entries: list[AuditEntry], prev_hash: str = GENESIS) -> list[AuditEntry]:
    """``entries`` linked one after the other, starting after ``prev_hash``."""
    out = []
    for entry in entries:
        entry = link(entry, prev_hash)
        prev_hash = entry.entry_hash
        out.append(entry)
    return out


def last_hash(entries: list[AuditEntry]) -> str:
    """The hash a new entry is chained after."""
    return entries[-1].entry_hash if entries else GENESIS


def first_broken(entries: list[AuditEntry]) -> int | None:
    """Index of the first entry whose stored hashes do not follow from the entries before
    it (edited, inserted, removed or reordered), or None when the whole chain holds."""
    prev = GENESIS
    for index, entry in enumerate(entries):
        if entry.prev_hash != prev or entry.entry_hash != hash_entry(entry, prev):
            return index
        prev = entry.entry_hash
    return None


def local_time(at: str) -> str:
    """``2026-11-30T07:12:00+00:00`` → ``30-11-2026 14.12`` in the machine's time zone
    (Indonesian order and time separator); the text as it is when it is not a time."""
    try:
        return datetime.fromisoformat(at).astimezone().strftime("%d-%m-%Y %H.%M")
    except ValueError:
        return at


def value_text(value: str) -> str:
    """An old/new value as people read it: a number with Indonesian grouping and decimal
    comma, exact (``"1250000.5"`` → ``1.250.000,5``); any other text as it is."""
    whole, dot, frac = value.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-")
    if not digits.isdigit() or (frac and not frac.isdigit()) or not value.isascii():
        return value
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return sign + ".".join([digits, *groups]) + ("," + frac if dot and frac else "")
