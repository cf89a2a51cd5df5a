"""What the audit log of a project file records about prices, and reading it back.

On every save the prices of the programme being saved are compared with those of the file
being replaced (:func:`price_changes`): each changed resource price of a package's pinned
book (``price.resource``), each rate override set, changed or cleared (``price.override``),
each custom rate (``price.custom``) and each package moved to another price-book edition
(``reprice``) becomes an entry with who, when, the old and the new value, chained
(:mod:`dtpl_studio.audit`) after the file's existing entries. Comparing saved states (not
undo steps) records what was really stored, whatever edited it (window, CLI, services).

Resources newly copied into a pinned book (adding an analysis from the catalogue) are not
price edits and are not logged; the save entry says how much the programme holds.
"""

from __future__ import annotations

import sqlite3
from decimal import Decimal

from dtpl_studio.audit import AuditEntry
from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.costing.rab import Program

#: key → (action, subject, value); key = (action, package uid[, item uid | resource key])
Snapshot = dict[tuple[str, ...], tuple[str, str, str]]


def _money(value: Decimal | str | None) -> str:
    return "" if value is None else str(value)


def book_label(title: str, region: str, year: int | str | None, edition: str, source_sha256: str) -> str:
    """A price-book edition as people name it (``AHSP Cipta Karya 2023 Kota Contoh``) plus
    the first characters of its source file hash, so two imports of different files differ."""
    words = " ".join(str(x) for x in (title, region, year or "", edition) if x) or "buku harga"
    return f"{words} [{source_sha256[:12]}]" if source_sha256 else words


def _book_label(book: PriceBook) -> str:
    m = book.meta
    return book_label(m.title, m.region, m.year, m.edition, m.source_sha256)


def program_snapshot(program: Program) -> Snapshot:
    """The prices of ``program`` that the audit log follows."""
    snap: Snapshot = {}
    for package in program.packages:
        snap[("reprice", package.id)] = ("reprice", package.name, _book_label(package.book))
        for key, resource in package.book.resources.items():
            subject = f"{package.name} › {resource.name} ({resource.unit})"
            snap[("price.resource", package.id, key)] = ("price.resource", subject, _money(resource.price))
        for item in package.items():
            subject = f"{package.name} › {item.description}"
            if item.rate_override is not None:
                snap[("price.override", package.id, item.id)] = ("price.override", subject,
                                                                 _money(item.rate_override))
            if item.custom_rate is not None:
                snap[("price.custom", package.id, item.id)] = ("price.custom", subject,
                                                               _money(item.custom_rate))
    return snap


def file_snapshot(con: sqlite3.Connection) -> Snapshot:
    """The same prices read from an open project file (plain SQL, no object loading).

    Raises:
        sqlite3.Error: the file lacks the tables (the caller treats it as "no snapshot").
    """
    snap: Snapshot = {}
    packages = {uid: name for uid, name in con.execute("SELECT uid, name FROM package")}
    for uid, name, title, region, year, edition, sha in con.execute(
            "SELECT p.uid, p.name, b.title, b.region, b.year, b.edition, b.source_sha256 "
            "FROM package p JOIN book b ON b.id = p.book_id"):
        snap[("reprice", uid)] = ("reprice", name, book_label(title, region, year, edition, sha))
    for uid, key, rname, unit, price in con.execute(
            "SELECT p.uid, r.key, r.name, r.unit, r.price FROM package p "
            "JOIN book_resource r ON r.book_id = p.book_id"):
        snap[("price.resource", uid, key)] = ("price.resource", f"{packages[uid]} › {rname} ({unit})",
                                              str(price))
    rows = con.execute(
        "SELECT p.uid, i.uid, i.description, i.rate_override, i.custom_rate FROM item i "
        "JOIN section s ON s.id = i.section_id JOIN package p ON p.id = s.package_id")
    for puid, iuid, description, override, custom in rows:
        subject = f"{packages[puid]} › {description}"
        if override is not None:
            snap[("price.override", puid, iuid)] = ("price.override", subject, str(override))
        if custom is not None:
            snap[("price.custom", puid, iuid)] = ("price.custom", subject, str(custom))
    return snap


def _same(old: str, new: str) -> bool:
    try:
        return Decimal(old) == Decimal(new)
    except ArithmeticError:
        return old == new


def price_changes(old: Snapshot, new: Snapshot, *, at: str, who: str,
                  details: dict[tuple[str, ...], str] | None = None) -> list[AuditEntry]:
    """One unchained entry per price that differs between two snapshots, in a stable order
    (re-pricing first, then resources, overrides, custom rates; by subject).

    ``details``: snapshot key → the entry's ``detail`` text (the session's notes, e.g. a
    re-pricing's total old → new, issue 10 point 5); used only for an entry that is made,
    and a re-pricing noted there is always made — onto another edition with the same label
    (a bengkel's derived draft of the same source) the label alone does not change.

    Resources present on one side only are not logged (copied in or dropped with their
    analysis, not edited); overrides and custom rates set or cleared are.
    """
    out: list[AuditEntry] = []
    changed_packages = {key[1] for key in set(old) | set(new)
                        if key[0] != "reprice" and old.get(key) != new.get(key)}
    for key in set(old) | set(new):
        action = key[0]
        before = old.get(key)
        after = new.get(key)
        if action in ("price.resource", "reprice") and (before is None or after is None):
            continue
        old_value = before[2] if before else ""
        new_value = after[2] if after else ""
        noted = action == "reprice" and key in (details or {}) and key[1] in changed_packages
        if not noted and (old_value == new_value or (old_value and new_value and _same(old_value, new_value))):
            continue  # (a re-pricing the session noted is logged even between editions of one label)
        subject = (after or before)[1]
        out.append(AuditEntry(at=at, who=who, action=action, detail=(details or {}).get(key, ""),
                              subject=subject, old=old_value, new=new_value))
    order = {"reprice": 0, "price.resource": 1, "price.override": 2, "price.custom": 3}
    out.sort(key=lambda e: (order.get(e.action, 9), e.subject, e.old, e.new))
    return out


def read_entries(con: sqlite3.Connection) -> list[AuditEntry]:
    """The ``audit_log`` rows, oldest first, with their stored hashes (empty hashes for a
    file whose schema predates the chain)."""
    columns = {row[1] for row in con.execute("PRAGMA table_info(audit_log)")}
    if "entry_hash" in columns:
        rows = con.execute("SELECT at, who, action, detail, subject, old_value, new_value, prev_hash, "
                           "entry_hash FROM audit_log ORDER BY id").fetchall()
    else:
        rows = con.execute("SELECT at, who, action, detail FROM audit_log ORDER BY id").fetchall()
    return [AuditEntry(*("" if v is None else str(v) for v in row)) for row in rows]
