"""Signed price edition packages (issue 8 point 5): one file, its content hash, an Ed25519
signature; every byte checked; unsigned or unknown-key packages only as unverified."""

from __future__ import annotations

import os
import stat
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dtpl_studio.costing.pricebook import (
    Analysis,
    AnalysisLine,
    LineKind,
    PriceBook,
    PriceBookMeta,
    Resource,
    ResourceKind,
)
from dtpl_studio.spreadsheets.edition_package import (
    MAGIC,
    UNVERIFIED,
    VERIFIED,
    PackageError,
    load_public_key,
    load_signing_key,
    new_signing_key,
    package_bytes,
    read_package,
    write_key_pair,
)

KEY = new_signing_key("Bengkel Konstruksi Kota Contoh")
OTHER = new_signing_key("Bengkel Konstruksi Kota Contoh")  # same name, another key


def _book() -> PriceBook:
    book = PriceBook(PriceBookMeta(region="Kota Contoh", province="Jawa Tengah", year=2025, edition="2025-1",
                                   status="published", title="HSD Kota Contoh 2025"))
    book.resources["L.01"] = Resource("L.01", "Pekerja", ResourceKind.LABOUR, "OH", Decimal("120000"))
    book.resources["M.01"] = Resource("M.01", "Semen portland 50 kg", ResourceKind.MATERIAL, "zak",
                                      Decimal("72500.50"), code="M.01")
    book.analyses["A.1"] = Analysis("A.1", "Galian tanah biasa 1 m³", "m3", [
        AnalysisLine(LineKind.LABOUR, "L.01", Decimal("0.750")),
        AnalysisLine(LineKind.MATERIAL, "M.01", Decimal("0.2"), unit="zak"),
    ])
    return book


SIGNED = package_bytes(_book(), signer=KEY)
UNSIGNED = package_bytes(_book())


def test_signed_round_trip_is_verified_with_the_same_content_hash():
    book, check = read_package(SIGNED, "p.dtplharga", (KEY.public,))
    assert check.status == VERIFIED and check.signed
    assert check.signer == KEY.public.label() and check.key_id == KEY.public.key_id
    assert book.content_hash() == _book().content_hash() == check.content_hash
    assert book.meta.verification == VERIFIED and book.meta.signer == KEY.public.label()
    assert book.resources["M.01"].price == Decimal("72500.50")
    assert "terverifikasi: ditandatangani Bengkel Konstruksi Kota Contoh" in check.describe()


def test_a_package_is_deterministic_and_does_not_carry_the_senders_verification():
    assert package_bytes(_book(), signer=KEY) == SIGNED
    received, _ = read_package(SIGNED, "p", (KEY.public,))
    assert package_bytes(received, signer=KEY) == SIGNED  # re-sharing gives the same file


def test_unsigned_and_unknown_keys_are_unverified():
    book, check = read_package(UNSIGNED, "p", (KEY.public,))
    assert check.status == UNVERIFIED and not check.signed and check.signer == ""
    assert book.meta.verification == UNVERIFIED and "tanpa tanda tangan" in check.describe()
    _, check = read_package(SIGNED, "p", ())  # a valid signature by a key nobody trusts here
    assert check.status == UNVERIFIED and check.signed and KEY.public.key_id in check.signer
    _, check = read_package(package_bytes(_book(), signer=OTHER), "p", (KEY.public,))
    assert check.status == UNVERIFIED  # the same name with another key is not the trusted signer
    assert "tidak dikenal" in check.why_unverified()


def _refused(data: bytes) -> PackageError:
    with pytest.raises(PackageError) as caught:
        read_package(data, "x.dtplharga", (KEY.public,))
    assert caught.value.code.startswith("package.")
    return caught.value


@pytest.mark.parametrize("data", [SIGNED, UNSIGNED], ids=["signed", "unsigned"])
def test_every_single_byte_change_is_refused(data):
    """The class: any one byte of the file changed (every position, two kinds of change)."""
    for position in range(len(data)):
        for change in (0x01, 0x80):
            forged = bytearray(data)
            forged[position] ^= change
            _refused(bytes(forged))


@pytest.mark.parametrize("data", [SIGNED, UNSIGNED], ids=["signed", "unsigned"])
def test_every_truncation_and_any_appended_byte_is_refused(data):
    for length in range(len(data)):
        _refused(data[:length])
    _refused(data + b"\n")
    _refused(data + b"\0" * 100)


@settings(max_examples=200, deadline=None)
@given(position=st.integers(0, len(SIGNED) - 1), value=st.integers(0, 255), insert=st.booleans())
def test_any_byte_replaced_or_inserted_is_refused(position, value, insert):
    forged = bytearray(SIGNED)
    if insert:
        forged.insert(position, value)
    elif forged[position] == value:
        return
    else:
        forged[position] = value
    _refused(bytes(forged))


def test_refusals_say_what_in_indonesian():
    signed_header_end = SIGNED.index(b"\n", len(MAGIC))
    tampered_name = SIGNED.replace(b"Kota Contoh\"", b"Kota Lainya\"", 1)
    assert tampered_name != SIGNED
    assert "tanda tangan tidak sah" in _refused(tampered_name).params["reason"]
    payload_changed = SIGNED[:signed_header_end + 40] + bytes([SIGNED[signed_header_end + 40] ^ 1]) \
        + SIGNED[signed_header_end + 41:]
    assert "isi paket tidak sama dengan hash" in _refused(payload_changed).params["reason"]
    assert _refused(b"PK\x03\x04 a zip, not a package").code == "package.not_package"


def test_keys_round_trip_encrypted_and_never_overwritten(tmp_path):
    private, public = write_key_pair(KEY, tmp_path, passphrase="rahasia bengkel")
    assert stat.S_IMODE(os.stat(private).st_mode) == 0o600
    assert load_public_key(public) == KEY.public
    loaded = load_signing_key(private, "rahasia bengkel")
    assert loaded.name == KEY.name and loaded.public == KEY.public
    for wrong in (None, "salah"):
        with pytest.raises(PackageError) as caught:
            load_signing_key(private, wrong)
        assert caught.value.code == "package.key_passphrase"
    with pytest.raises(PackageError) as caught:
        write_key_pair(KEY, tmp_path)
    assert caught.value.code == "package.key_exists"
    # a public key file whose id was edited to look like another key's is refused
    public.write_text(public.read_text().replace(KEY.public.key_id, OTHER.public.key_id))
    with pytest.raises(PackageError):
        load_public_key(public)
    with pytest.raises(PackageError):
        load_signing_key(public)
    with pytest.raises(PackageError):
        new_signing_key("   ")
