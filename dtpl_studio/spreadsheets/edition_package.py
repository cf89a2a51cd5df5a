"""Edition packages: one file that carries a published edition to offline laptops, with its
content hash and, when the bengkel signs it, an Ed25519 signature (issue 8 point 5).

File layout (``*.dtplharga``)::

    DTPL-STUDIO-EDITION-PACKAGE 1\\n
    {"format": …, "payload_sha256": …, "signer": …, "key_id": …, "public_key": …,
     "signature": …}\\n                                (one line, canonical JSON)
    <payload: a ZIP of the edition files of :func:`~dtpl_studio.spreadsheets.edition.edition_texts`>

* The header line (a JSON object of sorted keys, no spaces) carries the SHA-256 of the
  exact payload bytes, so a changed byte anywhere in the payload is found before the ZIP is
  even opened, and the header must be written exactly as this module writes it, so a
  changed byte in the header is found too: every byte of the file is checked.
* A signed package's header also holds the signer's name, public key and key id, and the
  Ed25519 signature (RFC 8032, via the ``cryptography`` package) over
  ``b"dtpl-studio-edition-package/1\\0"`` + the canonical JSON of every other header field —
  the payload hash included, so the signature covers every file of the edition.
* Inside the payload, ``edition.json`` lists the SHA-256 of each other file and the book's
  content hash; :func:`read_package` checks both, then rebuilds the book.

Trust is local: a package signed by a key whose public key the user has chosen to trust
(:func:`load_public_key` files given by the bengkel) is ``verified``; a valid signature by an
unknown key proves only that the file is unchanged since *someone* signed it, so it counts
as ``unverified`` like an unsigned package, and its signer's name is shown as claimed.

Keys: :func:`write_key_pair` writes ``NAME.kunci`` (the private key, PKCS#8 PEM, encrypted
when a passphrase is given, mode 0600) and ``NAME.pub`` (the public key a facilitator trusts).
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from dtpl_studio.costing.pricebook import PriceBook
from dtpl_studio.errors import DtplError
from dtpl_studio.spreadsheets.edition import (
    EDITION_FILE,
    EDITION_FILES,
    EditionError,
    book_from_texts,
    edition_texts,
)
from dtpl_studio.spreadsheets.report import ImportReport

MAGIC = b"DTPL-STUDIO-EDITION-PACKAGE 1\n"
PACKAGE_FORMAT = "dtpl-studio-edition-package"
PACKAGE_SUFFIX = ".dtplharga"
KEY_FORMAT = "dtpl-studio-public-key"
PRIVATE_SUFFIX = ".kunci"
PUBLIC_SUFFIX = ".pub"
#: what the signature signs: this prefix, then the canonical JSON of the other header fields
SIGNED_PREFIX = b"dtpl-studio-edition-package/1\x00"
#: a package larger than this (unpacked) is refused: an edition of 15 000 resources and
#: 3 000 analyses is about 5 MB of CSV, so 256 MiB leaves room and stops a ZIP bomb
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
#: 1980-01-01, the earliest ZIP date: every member gets it, so a package is byte-identical
#: for the same edition and key (Ed25519 signatures are deterministic, RFC 8032 §5.1.6)
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

VERIFIED, UNVERIFIED = "verified", "unverified"


class PackageError(DtplError, ValueError):
    """A package or key file that cannot be used: ``code`` (``package.*``, words in
    :mod:`dtpl_studio.ui.error_strings`) and ``params["reason"]`` (Indonesian) say why."""

    default_code = "package.damaged"


def _canonical(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def key_id(public_raw: bytes) -> str:
    """The short fingerprint of a raw 32-byte Ed25519 public key: the first 16 hex digits of
    its SHA-256 in groups of four (``3f2a-9c1b-07de-55a0``), read aloud over the phone to
    confirm a key."""
    digest = hashlib.sha256(public_raw).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True, slots=True)
class PublicKey:
    """A public key someone may trust: ``name`` (the bengkel), the raw 32 bytes."""

    name: str
    raw: bytes

    @property
    def key_id(self) -> str:
        return key_id(self.raw)

    def label(self) -> str:
        """``Bengkel Kota X (kunci 3f2a-9c1b-07de-55a0)``."""
        return f"{self.name} (kunci {self.key_id})"

    def text(self) -> str:
        """The ``.pub`` file: one JSON line."""
        return _canonical({"format": KEY_FORMAT, "name": self.name, "key_id": self.key_id,
                           "public_key": base64.b64encode(self.raw).decode("ascii")}).decode() + "\n"


@dataclass(frozen=True, slots=True)
class SigningKey:
    """A bengkel's private key and the name it signs with."""

    name: str
    private: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        raw = self.private.public_key().public_bytes(serialization.Encoding.Raw,
                                                     serialization.PublicFormat.Raw)
        return PublicKey(self.name, raw)


@dataclass(frozen=True, slots=True)
class PackageCheck:
    """What :func:`read_package` found: ``status`` is :data:`VERIFIED` (signed by a trusted
    key) or :data:`UNVERIFIED`; ``signed`` whether a (valid) signature was there; ``signer``
    the trusted key's label, or the claimed name and key id of an unknown key, or ""."""

    status: str
    signed: bool
    signer: str
    key_id: str
    content_hash: str

    def describe(self) -> str:
        """One Indonesian sentence for the CLI, the window and the PDF."""
        if self.status == VERIFIED:
            return f"terverifikasi: ditandatangani {self.signer}"
        return f"BELUM TERVERIFIKASI: {self.why_unverified()}"

    def why_unverified(self) -> str:
        """Why an unverified package is so (Indonesian), "" for a verified one."""
        if self.status == VERIFIED:
            return ""
        if self.signed:
            return (f"tanda tangan sah, tetapi oleh kunci yang tidak dikenal: {self.signer}; "
                    "cocokkan sidik kuncinya dengan pengirimnya")
        return "paket tanpa tanda tangan"


# -- keys ----------------------------------------------------------------------------------

def new_signing_key(name: str) -> SigningKey:
    """A fresh Ed25519 key pair for ``name``.

    Raises:
        PackageError: ``name`` is empty.
    """
    name = " ".join(name.split())
    if not name:
        raise PackageError("empty signer name", code="package.key_name")
    return SigningKey(name, Ed25519PrivateKey.generate())


def _safe_file_name(name: str) -> str:
    stem = re.sub(r"[^\w.-]+", "-", name, flags=re.UNICODE).strip("-.")
    return stem or "kunci"


def write_key_pair(key: SigningKey, folder: Path, passphrase: str | None = None) -> tuple[Path, Path]:
    """Write ``NAME.kunci`` (private, PKCS#8 PEM with the name in a comment line; encrypted
    with ``passphrase`` when given; mode 0600) and ``NAME.pub`` into ``folder``. Never
    replaces an existing key file.

    Returns ``(private path, public path)``.

    Raises:
        PackageError: a key file of that name exists already.
        OSError: the folder cannot be written.
    """
    folder = Path(folder)
    stem = _safe_file_name(key.name)
    private_path, public_path = folder / f"{stem}{PRIVATE_SUFFIX}", folder / f"{stem}{PUBLIC_SUFFIX}"
    for path in (private_path, public_path):
        if path.exists():
            raise PackageError(f"{path}: key file exists", code="package.key_exists", path=path)
    encryption = (serialization.BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase
                  else serialization.NoEncryption())
    pem = key.private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                    encryption)
    header = f"# DTPL Studio: kunci privat penanda tangan edisi harga — {key.name}\n".encode()
    fd = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(header + pem)
    public_path.write_text(key.public.text(), encoding="utf-8")
    return private_path, public_path


def load_signing_key(path: Path, passphrase: str | None = None) -> SigningKey:
    """Read a ``.kunci`` file written by :func:`write_key_pair`.

    Raises:
        PackageError: not such a file, wrong or missing passphrase, or not an Ed25519 key.
        OSError: the file cannot be read.
    """
    path = Path(path)
    data = path.read_bytes()
    first, _, rest = data.partition(b"\n")
    match = re.match(rb"# DTPL Studio: kunci privat penanda tangan edisi harga \xe2\x80\x94 (.+)$", first)
    if not match:
        raise PackageError(f"{path}: not a private key file", code="package.key_file", path=path,
                           params={"reason": "bukan berkas kunci privat DTPL Studio (.kunci)"})
    try:
        private = serialization.load_pem_private_key(
            rest, passphrase.encode("utf-8") if passphrase else None)
    except TypeError as exc:  # encrypted without a passphrase, or a passphrase for a plain key
        raise PackageError(f"{path}: passphrase needed or not expected", code="package.key_passphrase",
                           path=path, params={"reason": "kunci ini tidak bersandi" if passphrase
                                              else "kunci ini bersandi; berikan kata sandinya"}) from exc
    except (ValueError, UnsupportedAlgorithm) as exc:
        raise PackageError(f"{path}: wrong passphrase or damaged key", code="package.key_passphrase",
                           path=path, params={"reason": "kata sandi salah atau kunci rusak"}) from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise PackageError(f"{path}: not Ed25519", code="package.key_file", path=path,
                           params={"reason": "bukan kunci Ed25519"})
    return SigningKey(match.group(1).decode("utf-8"), private)


def load_public_key(path: Path) -> PublicKey:
    """Read a ``.pub`` file written by :func:`write_key_pair` (or :meth:`PublicKey.text`).

    Raises:
        PackageError: not such a file, or its key id does not match its key.
        OSError: the file cannot be read.
    """
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        if document.get("format") != KEY_FORMAT:
            raise ValueError(document.get("format"))
        raw = base64.b64decode(document["public_key"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
        name = str(document["name"])
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        raise PackageError(f"{path}: not a public key file", code="package.key_file", path=path,
                           params={"reason": "bukan berkas kunci publik DTPL Studio (.pub)"}) from exc
    key = PublicKey(name, raw)
    if document.get("key_id") != key.key_id:
        raise PackageError(f"{path}: key id mismatch", code="package.key_file", path=path,
                           params={"reason": f"sidik kunci {document.get('key_id')!r} tidak cocok dengan "
                                             f"kuncinya ({key.key_id})"})
    return key


# -- writing -------------------------------------------------------------------------------

def _payload(texts: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(texts):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, texts[name].encode("utf-8"), compresslevel=6)
    return buffer.getvalue()


def package_bytes(book: PriceBook, report: ImportReport | None = None,
                  signer: SigningKey | None = None) -> bytes:
    """The package file of ``book`` (and its import report), signed by ``signer`` if given.
    Deterministic: the same book, report and key give the same bytes.

    The book's own ``verification``/``signer`` are not carried: they say how the edition
    reached *this* machine, and the receiver decides that for itself.
    """
    meta = book.meta
    saved = meta.verification, meta.signer
    meta.verification = meta.signer = ""
    try:
        texts = edition_texts(book, report)
    finally:
        meta.verification, meta.signer = saved
    payload = _payload(texts)
    header: dict[str, str] = {"format": PACKAGE_FORMAT, "payload_sha256": hashlib.sha256(payload).hexdigest(),
                              "content_hash": book.content_hash()}
    if signer is not None:
        public = signer.public
        header.update(signer=public.name, key_id=public.key_id,
                      public_key=base64.b64encode(public.raw).decode("ascii"))
        signature = signer.private.sign(SIGNED_PREFIX + _canonical(header))
        header["signature"] = base64.b64encode(signature).decode("ascii")
    return MAGIC + _canonical(header) + b"\n" + payload


# -- reading -------------------------------------------------------------------------------

def looks_like_package(head: bytes) -> bool:
    """Whether a file's first bytes are a package's."""
    return head.startswith(MAGIC)


def _refuse(where: str, why: str, code: str = "package.damaged") -> PackageError:
    return PackageError(f"{where}: {why}", code=code, params={"reason": why}, path=where)


def read_package(data: bytes, where: str, trusted: tuple[PublicKey, ...] = ()) -> tuple[PriceBook, PackageCheck]:
    """Check and read a package (its bytes; ``where`` names the file in messages).

    Every byte is checked: the header must be exactly as :func:`package_bytes` writes it,
    the payload must have the SHA-256 the header states, a signature must verify over the
    header, each edition file must have the SHA-256 ``edition.json`` lists, and the book must
    have the content hash it states. The returned book's ``meta.verification``/``signer``
    say what was found (:class:`PackageCheck`).

    Raises:
        PackageError: any of those checks fails, or the payload is not a ZIP of edition files
            (message in Indonesian, naming the file and the check).
    """
    if not data.startswith(MAGIC):
        raise _refuse(where, "bukan paket edisi harga DTPL Studio (kepala berkas tidak dikenal)",
                      "package.not_package")
    line_end = data.find(b"\n", len(MAGIC))
    if line_end < 0:
        raise _refuse(where, "kepala paket terpotong")
    header_bytes, payload = data[len(MAGIC):line_end], data[line_end + 1:]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
        if not isinstance(header, dict) or not all(isinstance(v, str) for v in header.values()):
            raise ValueError("not an object of texts")
    except (UnicodeDecodeError, ValueError) as exc:
        raise _refuse(where, "kepala paket bukan JSON yang utuh (berkas diubah)") from exc
    if _canonical(header) != header_bytes or header.get("format") != PACKAGE_FORMAT:
        raise _refuse(where, "kepala paket tidak seperti yang ditulis DTPL Studio (berkas diubah)")
    if hashlib.sha256(payload).hexdigest() != header.get("payload_sha256"):
        raise _refuse(where, "isi paket tidak sama dengan hash di kepalanya (berkas diubah atau terpotong)")
    signed = "signature" in header
    public: PublicKey | None = None
    if signed:
        unsigned = {k: v for k, v in header.items() if k != "signature"}
        try:
            raw = base64.b64decode(header.get("public_key", ""), validate=True)
            public = PublicKey(header.get("signer", ""), raw)
            Ed25519PublicKey.from_public_bytes(raw).verify(
                base64.b64decode(header["signature"], validate=True), SIGNED_PREFIX + _canonical(unsigned))
        except (InvalidSignature, ValueError) as exc:
            raise _refuse(where, "tanda tangan tidak sah: paket diubah setelah ditandatangani",
                          "package.bad_signature") from exc
        if header.get("key_id") != public.key_id:
            raise _refuse(where, "sidik kunci di kepala paket tidak cocok dengan kuncinya",
                          "package.bad_signature")
    elif {"signer", "key_id", "public_key"} & set(header):
        raise _refuse(where, "paket menyebut penanda tangan tetapi tidak bertanda tangan",
                      "package.bad_signature")
    texts = _unpack(payload, where)
    document = json.loads(texts[EDITION_FILE])
    listed = document.get("files", {}) if isinstance(document, dict) else {}
    for name, text in texts.items():
        if name == EDITION_FILE:
            continue
        if listed.get(name) != hashlib.sha256(text.encode("utf-8")).hexdigest():
            raise _refuse(where, f"{name}: isinya tidak sama dengan hash di {EDITION_FILE}")
    missing = sorted(set(listed) - set(texts))
    if missing:
        raise _refuse(where, f"berkas {', '.join(missing)} tidak ada di paket")
    try:
        book = book_from_texts(texts, where, verify=True)
    except EditionError as exc:
        raise _refuse(where, str(exc)) from exc
    if book.content_hash() != header.get("content_hash"):
        raise _refuse(where, "hash isi buku tidak sama dengan kepala paket")
    trusted_key = next((k for k in trusted if public is not None and k.raw == public.raw), None)
    if trusted_key is not None:
        check = PackageCheck(VERIFIED, True, trusted_key.label(), trusted_key.key_id, book.content_hash())
    else:
        check = PackageCheck(UNVERIFIED, signed, public.label() if public else "",
                             public.key_id if public else "", book.content_hash())
    book.meta.verification, book.meta.signer = check.status, check.signer
    return book, check


def _unpack(payload: bytes, where: str) -> dict[str, str]:
    try:
        with zipfile.ZipFile(io.BytesIO(payload)) as archive:
            infos = archive.infolist()
            names = [i.filename for i in infos]
            if len(set(names)) != len(names) or not set(names) <= set(EDITION_FILES):
                raise _refuse(where, f"paket berisi berkas yang bukan bagian edisi: {', '.join(names)}")
            if EDITION_FILE not in names:
                raise _refuse(where, f"{EDITION_FILE} tidak ada di paket")
            if sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES:
                raise _refuse(where, "isi paket lebih dari 256 MiB", "package.too_large")
            return {i.filename: archive.read(i).decode("utf-8") for i in infos}
    except (zipfile.BadZipFile, zlib.error, EOFError, UnicodeDecodeError, NotImplementedError) as exc:
        raise _refuse(where, "isi paket bukan arsip ZIP yang utuh") from exc
