"""Every user-visible string of the GUI, through Qt's translation pipeline.

Widgets call :func:`tr` with a key (``tr("menu.file")``) and, for texts with fields, keyword
arguments (``tr("status.findings", errors=1, warnings=3)``). The Indonesian text in :data:`ID`
is the **source** text; each entry is marked with ``QT_TRANSLATE_NOOP("dtpl", text, key)`` so
that ``pyside6-lupdate`` extracts it (context ``dtpl``, the key as disambiguation) into
``dtpl_studio/i18n/dtpl_studio_{id,en}.ts``; translators edit the ``.ts`` files (Qt Linguist
or by hand) and ``pyside6-lrelease`` compiles them to ``.qm`` during the build (``make i18n``,
setup.py's build_py, ``make dist``). At run time :func:`tr` asks the loaded ``QTranslator``.

Adding a string: add ``"key": QT_TRANSLATE_NOOP("dtpl", "Teks Indonesia", "key"),`` below, run
``make i18n`` (lupdate + lrelease) and fill in the English ``<translation>`` in
``dtpl_studio/i18n/dtpl_studio_en.ts``; ``tests/ui/test_translations.py`` fails while a string
has no English translation or a visible text is not in the catalogue.
"""

from __future__ import annotations

import logging
import os
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

# the translation context of the window's texts
CONTEXT = "dtpl"

# the languages offered (code → name shown in the language menu, in that language)
LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}


def QT_TRANSLATE_NOOP(context: str, source: str, disambiguation: str | None = None) -> str:  # noqa: N802
    """Marks ``source`` for ``pyside6-lupdate`` (Qt's macro, with a disambiguation: PySide6's
    own takes two arguments); returns it unchanged."""
    return source


ID: dict[str, str] = {
    "app.name": QT_TRANSLATE_NOOP("dtpl", "DTPL Studio", "app.name"),
    # menus and actions
    "menu.file": QT_TRANSLATE_NOOP("dtpl", "&Berkas", "menu.file"),
    "menu.edit": QT_TRANSLATE_NOOP("dtpl", "&Sunting", "menu.edit"),
    "menu.view": QT_TRANSLATE_NOOP("dtpl", "&Tampilan", "menu.view"),
    "menu.help": QT_TRANSLATE_NOOP("dtpl", "Ban&tuan", "menu.help"),
    "menu.recent": QT_TRANSLATE_NOOP("dtpl", "Buka &terakhir", "menu.recent"),
    "menu.recent.empty": QT_TRANSLATE_NOOP("dtpl", "(kosong)", "menu.recent.empty"),
    "action.open": QT_TRANSLATE_NOOP("dtpl", "&Buka…", "action.open"),
    "action.new_project": QT_TRANSLATE_NOOP("dtpl", "Proyek &baru…", "action.new_project"),
    "dlg.new_project.title": QT_TRANSLATE_NOOP("dtpl", "Proyek baru: simpan sebagai", "dlg.new_project.title"),
    "status.created": QT_TRANSLATE_NOOP("dtpl", "Proyek baru dibuat: {path}. Isi kelurahan, kota, tahun anggaran dan penandatangan di Berkas → Pengaturan proyek…", "status.created"),
    "new.package.fisik": QT_TRANSLATE_NOOP("dtpl", "Paket fisik", "new.package.fisik"),
    "action.save": QT_TRANSLATE_NOOP("dtpl", "&Simpan", "action.save"),
    "action.save_as": QT_TRANSLATE_NOOP("dtpl", "Simpan s&ebagai…", "action.save_as"),
    "action.export_pdf": QT_TRANSLATE_NOOP("dtpl", "Ekspor &PDF…", "action.export_pdf"),
    "action.export_xlsx": QT_TRANSLATE_NOOP("dtpl", "Ekspor &xlsx (RAB dengan rumus)…", "action.export_xlsx"),
    "action.quit": QT_TRANSLATE_NOOP("dtpl", "&Keluar", "action.quit"),
    "action.undo": QT_TRANSLATE_NOOP("dtpl", "&Urungkan", "action.undo"),
    "action.redo": QT_TRANSLATE_NOOP("dtpl", "U&langi", "action.redo"),
    "action.remove_item": QT_TRANSLATE_NOOP("dtpl", "&Hapus item", "action.remove_item"),
    "action.add_line": QT_TRANSLATE_NOOP("dtpl", "Tambah baris back-up", "action.add_line"),
    "action.find_catalogue": QT_TRANSLATE_NOOP("dtpl", "&Cari di katalog analisa", "action.find_catalogue"),
    "action.remove_line": QT_TRANSLATE_NOOP("dtpl", "Hapus baris back-up", "action.remove_line"),
    "action.about": QT_TRANSLATE_NOOP("dtpl", "&Tentang DTPL Studio", "action.about"),
    "undo.prefix": QT_TRANSLATE_NOOP("dtpl", "Urungkan", "undo.prefix"),
    "redo.prefix": QT_TRANSLATE_NOOP("dtpl", "Ulangi", "redo.prefix"),
    # undo command texts
    "cmd.set_volume": QT_TRANSLATE_NOOP("dtpl", "Ubah volume {item}", "cmd.set_volume"),
    "cmd.set_text": QT_TRANSLATE_NOOP("dtpl", "Ubah uraian {item}", "cmd.set_text"),
    "cmd.edit_line": QT_TRANSLATE_NOOP("dtpl", "Ubah baris back-up {item}", "cmd.edit_line"),
    "cmd.add_line": QT_TRANSLATE_NOOP("dtpl", "Tambah baris back-up {item}", "cmd.add_line"),
    "cmd.remove_line": QT_TRANSLATE_NOOP("dtpl", "Hapus baris back-up {item}", "cmd.remove_line"),
    "cmd.add_item": QT_TRANSLATE_NOOP("dtpl", "Tambah item {item}", "cmd.add_item"),
    "cmd.add_item_catalogue": QT_TRANSLATE_NOOP("dtpl", "Tambah {code} ke RAB", "cmd.add_item_catalogue"),
    "cmd.remove_item": QT_TRANSLATE_NOOP("dtpl", "Hapus item {item}", "cmd.remove_item"),
    # RAB tree
    "col.no": QT_TRANSLATE_NOOP("dtpl", "No", "col.no"),
    "col.uraian": QT_TRANSLATE_NOOP("dtpl", "Uraian Pekerjaan", "col.uraian"),
    "col.volume": QT_TRANSLATE_NOOP("dtpl", "Volume", "col.volume"),
    "col.satuan": QT_TRANSLATE_NOOP("dtpl", "Satuan", "col.satuan"),
    "col.rate": QT_TRANSLATE_NOOP("dtpl", "Harga Satuan\n(Rp)", "col.rate"),
    "col.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah Harga\n(Rp)", "col.amount"),
    "rab.subtotal_tip": QT_TRANSLATE_NOOP("dtpl", "Sub Total {number}: Rp {amount}", "rab.subtotal_tip"),
    "rab.measured_tip": QT_TRANSLATE_NOOP("dtpl", "Volume dihitung dari {n} baris back-up volume (sunting di panel bawah)", "rab.measured_tip"),
    "rab.edit_volume_tip": QT_TRANSLATE_NOOP("dtpl", "Klik dua kali atau F2 untuk mengubah volume. Angka cara Indonesia: koma untuk desimal (12,5), titik untuk ribuan (1.250)", "rab.edit_volume_tip"),
    "rab.error": QT_TRANSLATE_NOOP("dtpl", "galat", "rab.error"),
    "rab.refused": QT_TRANSLATE_NOOP("dtpl", "Volume tidak diubah: {reason}", "rab.refused"),
    "rab.no_package": QT_TRANSLATE_NOOP("dtpl", "Tidak ada paket kegiatan", "rab.no_package"),
    # summary footer
    "sum.direct": QT_TRANSLATE_NOOP("dtpl", "Jumlah", "sum.direct"),
    "sum.ppn": QT_TRANSLATE_NOOP("dtpl", "{label} {rate}", "sum.ppn"),
    "sum.total": QT_TRANSLATE_NOOP("dtpl", "Total", "sum.total"),
    "sum.rounded": QT_TRANSLATE_NOOP("dtpl", "Dibulatkan", "sum.rounded"),
    "sum.terbilang": QT_TRANSLATE_NOOP("dtpl", "Terbilang", "sum.terbilang"),
    "sum.rounding_tip": QT_TRANSLATE_NOOP("dtpl", "Total {rule}", "sum.rounding_tip"),
    # packages
    "pkg.title": QT_TRANSLATE_NOOP("dtpl", "Paket kegiatan", "pkg.title"),
    "pkg.entry": QT_TRANSLATE_NOOP("dtpl", "{name}\n{component} · Rp {amount}", "pkg.entry"),
    "component.perencanaan": QT_TRANSLATE_NOOP("dtpl", "Perencanaan", "component.perencanaan"),
    "component.fisik": QT_TRANSLATE_NOOP("dtpl", "Fisik", "component.fisik"),
    "component.total": QT_TRANSLATE_NOOP("dtpl", "Total program", "component.total"),
    # BLM panel
    "blm.title": QT_TRANSLATE_NOOP("dtpl", "Cek pagu BLM", "blm.title"),
    "blm.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah BLM", "blm.amount"),
    "blm.ceiling": QT_TRANSLATE_NOOP("dtpl", "Pagu", "blm.ceiling"),
    "blm.remaining": QT_TRANSLATE_NOOP("dtpl", "Sisa", "blm.remaining"),
    "blm.over": QT_TRANSLATE_NOOP("dtpl", "Lebih", "blm.over"),
    "blm.state.pass": QT_TRANSLATE_NOOP("dtpl", "LULUS", "blm.state.pass"),
    "blm.state.over": QT_TRANSLATE_NOOP("dtpl", "MELEBIHI PAGU", "blm.state.over"),
    "blm.state.under": QT_TRANSLATE_NOOP("dtpl", "DI BAWAH MINIMUM", "blm.state.under"),
    "blm.state.incomplete": QT_TRANSLATE_NOOP("dtpl", "BELUM SAH", "blm.state.incomplete"),
    "blm.state.none": QT_TRANSLATE_NOOP("dtpl", "–", "blm.state.none"),
    "blm.source": QT_TRANSLATE_NOOP("dtpl", "Sumber aturan: {source}", "blm.source"),
    "blm.exact": QT_TRANSLATE_NOOP("dtpl", "Sebelum pembulatan Rp {exact}; yang dibandingkan Rp {rounded}", "blm.exact"),
    "blm.note": QT_TRANSLATE_NOOP("dtpl", "Dibandingkan dengan total dibulatkan bagian BLM tiap paket (arahkan kursor ke kartu untuk angka sebelum pembulatan dan sumber aturan).", "blm.note"),
    "blm.verdict": QT_TRANSLATE_NOOP("dtpl", "Kesimpulan", "blm.verdict"),
    "blm.findings": QT_TRANSLATE_NOOP("dtpl", "Lihat temuan: {errors} galat · {warnings} peringatan", "blm.findings"),
    "blm.swadaya.free": QT_TRANSLATE_NOOP("dtpl", "Swadaya (tanpa minimum)", "blm.swadaya.free"),
    "blm.swadaya.min": QT_TRANSLATE_NOOP("dtpl", "Swadaya (min. {share} dari total biaya)", "blm.swadaya.min"),
    "blm.swadaya.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah swadaya", "blm.swadaya.amount"),
    "blm.swadaya.share": QT_TRANSLATE_NOOP("dtpl", "Bagian dari total biaya", "blm.swadaya.share"),
    "blm.swadaya.needed": QT_TRANSLATE_NOOP("dtpl", "Minimum", "blm.swadaya.needed"),
    "blm.swadaya.short": QT_TRANSLATE_NOOP("dtpl", "Kurang", "blm.swadaya.short"),
    "blm.price_basis": QT_TRANSLATE_NOOP("dtpl", "Catat alasan dasar harga…", "blm.price_basis"),
    "action.funding": QT_TRANSLATE_NOOP("dtpl", "Sumber dana item…", "action.funding"),
    "cmd.funding": QT_TRANSLATE_NOOP("dtpl", "Sumber dana {item}", "cmd.funding"),
    "fund.title": QT_TRANSLATE_NOOP("dtpl", "Sumber dana item", "fund.title"),
    "fund.item": QT_TRANSLATE_NOOP("dtpl", "Item: {item}", "fund.item"),
    "fund.main": QT_TRANSLATE_NOOP("dtpl", "Sumber utama (menerima sisa)", "fund.main"),
    "fund.inherit": QT_TRANSLATE_NOOP("dtpl", "ikut divisi ({source})", "fund.inherit"),
    "fund.col.source": QT_TRANSLATE_NOOP("dtpl", "Dibayar oleh", "fund.col.source"),
    "fund.col.percent": QT_TRANSLATE_NOOP("dtpl", "Persen", "fund.col.percent"),
    "fund.col.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah (Rp)", "fund.col.amount"),
    "fund.add": QT_TRANSLATE_NOOP("dtpl", "Tambah bagian", "fund.add"),
    "fund.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus bagian", "fund.remove"),
    "fund.note": QT_TRANSLATE_NOOP("dtpl", "Isi persen atau jumlah. Swadaya tenaga/bahan tanpa angka dinilai dari buku harga (bagian upah atau bahan analisa). Bagian persen dibulatkan ke rupiah; sumber utama menerima sisanya, sehingga pembagian tepat sama dengan jumlah item.", "fund.note"),
    "fund.bad_number": QT_TRANSLATE_NOOP("dtpl", "Baris {row}: {error}", "fund.bad_number"),
    "fund.err.percent": QT_TRANSLATE_NOOP("dtpl", "Baris {row}: persen {text} di luar 0–100. Ketik persen antara 0 dan 100; sumber utama menerima sisanya.", "fund.err.percent"),
    "fund.err.amount": QT_TRANSLATE_NOOP("dtpl", "Baris {row}: jumlah {text} tidak sah. Ketik rupiah dari 0 sampai 10^15 (tidak negatif).", "fund.err.amount"),
    "fund.err.sum": QT_TRANSLATE_NOOP("dtpl", "Bagian persen berjumlah {percent} %, lebih dari 100 %. Kurangi salah satu bagian.", "fund.err.sum"),
    "fund.no_item": QT_TRANSLATE_NOOP("dtpl", "Pilih sebuah item pada RAB untuk mengatur sumber dananya", "fund.no_item"),
    "action.price_basis": QT_TRANSLATE_NOOP("dtpl", "Catat dasar harga paket…", "action.price_basis"),
    "action.reprice": QT_TRANSLATE_NOOP("dtpl", "Ganti edisi harga paket…", "action.reprice"),
    "cmd.reprice": QT_TRANSLATE_NOOP("dtpl", "Ganti edisi harga {package}", "cmd.reprice"),
    "dlg.reprice.title": QT_TRANSLATE_NOOP("dtpl", "Ganti edisi harga — {package}", "dlg.reprice.title"),
    "dlg.reprice.current": QT_TRANSLATE_NOOP("dtpl", "Paket {package} sekarang memakai: {book}", "dlg.reprice.current"),
    "dlg.reprice.target": QT_TRANSLATE_NOOP("dtpl", "Edisi tujuan:", "dlg.reprice.target"),
    "dlg.reprice.library": QT_TRANSLATE_NOOP("dtpl", "Pustaka harga: {where}", "dlg.reprice.library"),
    "dlg.reprice.library_error": QT_TRANSLATE_NOOP("dtpl", "{error}; hanya edisi bawaan yang dapat dipilih", "dlg.reprice.library_error"),
    "dlg.reprice.summary": QT_TRANSLATE_NOOP("dtpl", "Edisi baru: {new}\n{items} item: {matched} dipadankan, {override} harga override tetap, {custom} harga khusus tetap.", "dlg.reprice.summary"),
    "dlg.reprice.missing": QT_TRANSLATE_NOOP("dtpl", "{count} item tanpa padanan di edisi tujuan: analisa lamanya tetap dipakai dan barisnya ditandai.", "dlg.reprice.missing"),
    "dlg.reprice.none_missing": QT_TRANSLATE_NOOP("dtpl", "Semua item punya padanan atau harganya tetap.", "dlg.reprice.none_missing"),
    "dlg.reprice.no_target": QT_TRANSLATE_NOOP("dtpl", "Tidak ada edisi tujuan.", "dlg.reprice.no_target"),
    "dlg.reprice.apply": QT_TRANSLATE_NOOP("dtpl", "Terapkan", "dlg.reprice.apply"),
    "dlg.reprice.cancel": QT_TRANSLATE_NOOP("dtpl", "Batal", "dlg.reprice.cancel"),
    "reprice.col.no": QT_TRANSLATE_NOOP("dtpl", "No", "reprice.col.no"),
    "reprice.col.item": QT_TRANSLATE_NOOP("dtpl", "Uraian", "reprice.col.item"),
    "reprice.col.old_code": QT_TRANSLATE_NOOP("dtpl", "Kode lama", "reprice.col.old_code"),
    "reprice.col.new_code": QT_TRANSLATE_NOOP("dtpl", "Kode baru", "reprice.col.new_code"),
    "reprice.col.status": QT_TRANSLATE_NOOP("dtpl", "Status", "reprice.col.status"),
    "reprice.col.old_rate": QT_TRANSLATE_NOOP("dtpl", "Harga lama", "reprice.col.old_rate"),
    "reprice.col.new_rate": QT_TRANSLATE_NOOP("dtpl", "Harga baru", "reprice.col.new_rate"),
    "reprice.col.old_amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah lama", "reprice.col.old_amount"),
    "reprice.col.new_amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah baru", "reprice.col.new_amount"),
    "reprice.col.change": QT_TRANSLATE_NOOP("dtpl", "Selisih", "reprice.col.change"),
    "reprice.col.reason": QT_TRANSLATE_NOOP("dtpl", "Keterangan", "reprice.col.reason"),
    "reprice.col.division": QT_TRANSLATE_NOOP("dtpl", "Divisi", "reprice.col.division"),
    "reprice.col.old": QT_TRANSLATE_NOOP("dtpl", "Lama", "reprice.col.old"),
    "reprice.col.new": QT_TRANSLATE_NOOP("dtpl", "Baru", "reprice.col.new"),
    "reprice.status.matched": QT_TRANSLATE_NOOP("dtpl", "dipadankan", "reprice.status.matched"),
    "reprice.status.missing": QT_TRANSLATE_NOOP("dtpl", "tanpa padanan", "reprice.status.missing"),
    "reprice.status.override": QT_TRANSLATE_NOOP("dtpl", "override tetap", "reprice.status.override"),
    "reprice.status.custom": QT_TRANSLATE_NOOP("dtpl", "harga khusus tetap", "reprice.status.custom"),
    "reprice.basis.code": QT_TRANSLATE_NOOP("dtpl", "(kode)", "reprice.basis.code"),
    "reprice.basis.name": QT_TRANSLATE_NOOP("dtpl", "(uraian)", "reprice.basis.name"),
    "reprice.total.direct": QT_TRANSLATE_NOOP("dtpl", "Jumlah", "reprice.total.direct"),
    "reprice.total.ppn": QT_TRANSLATE_NOOP("dtpl", "PPN", "reprice.total.ppn"),
    "reprice.total.total": QT_TRANSLATE_NOOP("dtpl", "Total", "reprice.total.total"),
    "reprice.total.rounded": QT_TRANSLATE_NOOP("dtpl", "Dibulatkan", "reprice.total.rounded"),
    "cmd.price_basis": QT_TRANSLATE_NOOP("dtpl", "Dasar harga {package}", "cmd.price_basis"),
    "dlg.price_basis.title": QT_TRANSLATE_NOOP("dtpl", "Dasar harga paket", "dlg.price_basis.title"),
    "dlg.price_basis.text": QT_TRANSLATE_NOOP("dtpl", "Paket {package} memakai buku harga {book}.\nTulis alasan menerima buku ini sebagai dasar harga (mis. \"buku harga contoh, dipakai untuk demo\"); kosongkan untuk mencabut.", "dlg.price_basis.text"),
    "verdict.passed": QT_TRANSLATE_NOOP("dtpl", "LULUS", "verdict.passed"),
    "verdict.fails-rule": QT_TRANSLATE_NOOP("dtpl", "TIDAK LULUS", "verdict.fails-rule"),
    "verdict.not-valid": QT_TRANSLATE_NOOP("dtpl", "BELUM SAH", "verdict.not-valid"),
    "verdict.price-basis": QT_TRANSLATE_NOOP("dtpl", "DASAR HARGA BELUM DITERIMA", "verdict.price-basis"),
    "verdict.with_notes": QT_TRANSLATE_NOOP("dtpl", "DENGAN CATATAN", "verdict.with_notes"),
    "verdict.explain.passed": QT_TRANSLATE_NOOP("dtpl", "semua jumlah BLM berada dalam pagunya dan tidak ada aturan yang dilanggar.", "verdict.explain.passed"),
    "verdict.explain.passed_notes": QT_TRANSLATE_NOOP("dtpl", "semua jumlah BLM berada dalam pagunya dan tidak ada aturan yang dilanggar; {n} catatan peringatan perlu dibaca.", "verdict.explain.passed_notes"),
    "verdict.explain.fails-rule": QT_TRANSLATE_NOOP("dtpl", "{n} aturan tidak terpenuhi (lihat temuan); dokumen dicetak sebagai DRAFT dan belum dapat disahkan.", "verdict.explain.fails-rule"),
    "verdict.explain.no-rule": QT_TRANSLATE_NOOP("dtpl", "tidak ada aturan pagu yang berlaku, sehingga pagu belum dapat diperiksa.", "verdict.explain.no-rule"),
    "verdict.explain.empty": QT_TRANSLATE_NOOP("dtpl", "belum ada item pekerjaan, sehingga pagu belum dapat diperiksa.", "verdict.explain.empty"),
    "verdict.explain.not-valid": QT_TRANSLATE_NOOP("dtpl", "{parts}, sehingga kesimpulan pagu belum sah; perbaiki galat lalu periksa ulang.", "verdict.explain.not-valid"),
    "verdict.explain.part.items": QT_TRANSLATE_NOOP("dtpl", "{n} item bergalat dihitung 0", "verdict.explain.part.items"),
    "verdict.explain.part.rules": QT_TRANSLATE_NOOP("dtpl", "{n} aturan pagu/swadaya tidak dapat dibaca", "verdict.explain.part.rules"),
    "verdict.explain.part.settings": QT_TRANSLATE_NOOP("dtpl", "{n} pengaturan paket bergalat", "verdict.explain.part.settings"),
    "verdict.explain.price-basis": QT_TRANSLATE_NOOP("dtpl", "{n} temuan dasar harga: buku harga paket belum dapat diterima tanpa alasan yang dicatat; dokumen tidak dapat berstatus Final.", "verdict.explain.price-basis"),
    "ov.title": QT_TRANSLATE_NOOP("dtpl", "Ikhtisar program", "ov.title"),
    "ov.total": QT_TRANSLATE_NOOP("dtpl", "Total", "ov.total"),
    "ov.source.BLM": QT_TRANSLATE_NOOP("dtpl", "BLM", "ov.source.BLM"),
    "ov.source.swadaya": QT_TRANSLATE_NOOP("dtpl", "Swadaya tunai", "ov.source.swadaya"),
    "ov.source.swadaya-tenaga": QT_TRANSLATE_NOOP("dtpl", "Swadaya tenaga", "ov.source.swadaya-tenaga"),
    "ov.source.swadaya-bahan": QT_TRANSLATE_NOOP("dtpl", "Swadaya bahan", "ov.source.swadaya-bahan"),
    "ov.source.APBD": QT_TRANSLATE_NOOP("dtpl", "APBD", "ov.source.APBD"),
    "ov.source.lainnya": QT_TRANSLATE_NOOP("dtpl", "CSR/lainnya", "ov.source.lainnya"),
    "ov.sum": QT_TRANSLATE_NOOP("dtpl", "Jumlah program", "ov.sum"),
    "blm.component.perencanaan": QT_TRANSLATE_NOOP("dtpl", "Perencanaan (maks. Rp {ceiling})", "blm.component.perencanaan"),
    "blm.component.fisik": QT_TRANSLATE_NOOP("dtpl", "Fisik (maks. Rp {ceiling})", "blm.component.fisik"),
    "blm.component.total": QT_TRANSLATE_NOOP("dtpl", "Total vs alokasi (Rp {ceiling})", "blm.component.total"),
    "blm.component.unreadable": QT_TRANSLATE_NOOP("dtpl", "{component} (pagu tidak dapat dibaca)", "blm.component.unreadable"),
    # measurement panel
    "mp.title": QT_TRANSLATE_NOOP("dtpl", "Back-up volume", "mp.title"),
    "mp.header": QT_TRANSLATE_NOOP("dtpl", "Back-up volume: {number} {item} ({unit})", "mp.header"),
    "mp.none": QT_TRANSLATE_NOOP("dtpl", "Pilih item pada RAB untuk melihat dan mengubah back-up volumenya.", "mp.none"),
    "mp.section": QT_TRANSLATE_NOOP("dtpl", "Divisi dipilih — pilih sebuah item untuk back-up volume.", "mp.section"),
    "mp.direct": QT_TRANSLATE_NOOP("dtpl", "Volume diisi langsung ({volume} {unit}). Tambah baris untuk menghitungnya dari ukuran.", "mp.direct"),
    "mp.total": QT_TRANSLATE_NOOP("dtpl", "Volume item: {volume} {unit}", "mp.total"),
    "mp.total_error": QT_TRANSLATE_NOOP("dtpl", "Volume item tidak dapat dihitung: {error}", "mp.total_error"),
    "mp.add": QT_TRANSLATE_NOOP("dtpl", "Tambah baris", "mp.add"),
    "mp.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus baris", "mp.remove"),
    "mp.new_line": QT_TRANSLATE_NOOP("dtpl", "Baris baru", "mp.new_line"),
    "mp.col.uraian": QT_TRANSLATE_NOOP("dtpl", "Uraian", "mp.col.uraian"),
    "mp.col.n": QT_TRANSLATE_NOOP("dtpl", "n", "mp.col.n"),
    "mp.col.p": QT_TRANSLATE_NOOP("dtpl", "p", "mp.col.p"),
    "mp.col.l": QT_TRANSLATE_NOOP("dtpl", "l", "mp.col.l"),
    "mp.col.t": QT_TRANSLATE_NOOP("dtpl", "t", "mp.col.t"),
    "mp.col.deduct": QT_TRANSLATE_NOOP("dtpl", "Kurangi", "mp.col.deduct"),
    "mp.col.volume": QT_TRANSLATE_NOOP("dtpl", "Volume", "mp.col.volume"),
    "mp.deduct_tip": QT_TRANSLATE_NOOP("dtpl", "Centang bila baris ini mengurangi volume (dikurangi)", "mp.deduct_tip"),
    "mp.factor_tip": QT_TRANSLATE_NOOP("dtpl", "Angka dan satuan, mis. 150 m, 2,5 m, 1.250 m, 12 cm (koma untuk desimal, titik untuk ribuan); kosongkan untuk menghapus faktor", "mp.factor_tip"),
    "mp.mismatch": QT_TRANSLATE_NOOP("dtpl", "satuan salah", "mp.mismatch"),
    "mp.mismatch_line": QT_TRANSLATE_NOOP("dtpl", "{formula} menghasilkan {got}, bukan {unit}: periksa faktor dan satuannya", "mp.mismatch_line"),
    "mp.line_error": QT_TRANSLATE_NOOP("dtpl", "Baris {row} ({line}): {error}", "mp.line_error"),
    "mp.refused": QT_TRANSLATE_NOOP("dtpl", "Faktor {label} tidak diubah: {reason}", "mp.refused"),
    "mp.unknown_unit": QT_TRANSLATE_NOOP("dtpl", "satuan '{unit}' tidak dikenal", "mp.unknown_unit"),
    "mp.unit_note": QT_TRANSLATE_NOOP("dtpl", "Catatan satuan: {note}", "mp.unit_note"),
    "mp.unit_noted": QT_TRANSLATE_NOOP("dtpl", "Faktor {label}: {note}", "mp.unit_noted"),
    "mp.unit_note_line": QT_TRANSLATE_NOOP("dtpl", "Baris {row}, faktor {label}: {note}", "mp.unit_note_line"),
    "mp.expression_tip": QT_TRANSLATE_NOOP("dtpl", "Ketik = lalu ekspresi untuk menghitung baris dari parameter paket, mis. = 2 * (P + L) * T atau = (12,5 m - 2 * 60 cm) * 0,3 m. Koma adalah tanda desimal, titik hanya pemisah ribuan; operator + - * / ^ (pangkat 0..3) dan kurung; satuan ditulis dengan simbol baku (m, cm, m2, m3, kg, bh). Ketik angka biasa untuk kembali ke faktor n x p x l x t.", "mp.expression_tip"),
    "mp.expression_refused": QT_TRANSLATE_NOOP("dtpl", "Ekspresi tidak diubah: {reason}", "mp.expression_refused"),
    "mp.link_gone": QT_TRANSLATE_NOOP("dtpl", "item tertaut tidak ada lagi di paket ini", "mp.link_gone"),
    "mp.link_error": QT_TRANSLATE_NOOP("dtpl", "volume item {number} tidak dapat dihitung", "mp.link_error"),
    "mp.link": QT_TRANSLATE_NOOP("dtpl", "Tautkan ke volume item…", "mp.link"),
    "mp.link_tip": QT_TRANSLATE_NOOP("dtpl", "Baris terpilih mengambil volume item lain di paket ini dan ikut berubah bila item itu berubah (centang Kurangi untuk mengurangkannya)", "mp.link_tip"),
    "mp.link_title": QT_TRANSLATE_NOOP("dtpl", "Tautkan baris ke volume item", "mp.link_title"),
    "mp.link_prompt": QT_TRANSLATE_NOOP("dtpl", "Baris {row} mengambil volume item:", "mp.link_prompt"),
    "mp.link_refused": QT_TRANSLATE_NOOP("dtpl", "Baris tidak ditautkan: {reason}", "mp.link_refused"),
    "mp.parameters": QT_TRANSLATE_NOOP("dtpl", "Parameter paket…", "mp.parameters"),
    "mp.parameters_tip": QT_TRANSLATE_NOOP("dtpl", "Nama dan nilai (mis. P = 25 m) yang dipakai ekspresi semua baris back-up di paket ini", "mp.parameters_tip"),
    "cmd.set_expression": QT_TRANSLATE_NOOP("dtpl", "Ekspresi baris back-up {row}", "cmd.set_expression"),
    "cmd.link_line": QT_TRANSLATE_NOOP("dtpl", "Tautkan baris back-up {row}", "cmd.link_line"),
    "cmd.add_parameter": QT_TRANSLATE_NOOP("dtpl", "Tambah parameter {name}", "cmd.add_parameter"),
    "cmd.set_parameter": QT_TRANSLATE_NOOP("dtpl", "Ubah parameter {name}", "cmd.set_parameter"),
    "cmd.remove_parameter": QT_TRANSLATE_NOOP("dtpl", "Hapus parameter {name}", "cmd.remove_parameter"),
    "prm.title": QT_TRANSLATE_NOOP("dtpl", "Parameter paket — {package}", "prm.title"),
    "prm.help": QT_TRANSLATE_NOOP("dtpl", "Parameter dipakai dalam ekspresi baris back-up (= 2 * (P + L) * T). Nama: huruf, angka dan _, diawali huruf, bukan simbol satuan (m, bh…). Nilai tidak boleh negatif; satuan dengan simbol baku.", "prm.help"),
    "prm.col.name": QT_TRANSLATE_NOOP("dtpl", "Nama", "prm.col.name"),
    "prm.col.value": QT_TRANSLATE_NOOP("dtpl", "Nilai", "prm.col.value"),
    "prm.col.unit": QT_TRANSLATE_NOOP("dtpl", "Satuan", "prm.col.unit"),
    "prm.col.description": QT_TRANSLATE_NOOP("dtpl", "Keterangan", "prm.col.description"),
    "prm.add": QT_TRANSLATE_NOOP("dtpl", "Tambah parameter", "prm.add"),
    "prm.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus parameter", "prm.remove"),
    "prm.refused": QT_TRANSLATE_NOOP("dtpl", "Tidak diubah: {reason}", "prm.refused"),
    "prm.used_by": QT_TRANSLATE_NOOP("dtpl", "Dipakai oleh {count} baris", "prm.used_by"),
    # catalogue
    "cat.title": QT_TRANSLATE_NOOP("dtpl", "Katalog analisa (AHSP)", "cat.title"),
    "cat.search": QT_TRANSLATE_NOOP("dtpl", "Cari kode atau nama analisa…", "cat.search"),
    "cat.count": QT_TRANSLATE_NOOP("dtpl", "{shown} dari {total} analisa", "cat.count"),
    "cat.book": QT_TRANSLATE_NOOP("dtpl", "Buku harga: {book}", "cat.book"),
    "cat.other_book": QT_TRANSLATE_NOOP("dtpl", "Paket memakai buku {book}; analisa baru disalin ke buku paket.", "cat.other_book"),
    "cat.col.code": QT_TRANSLATE_NOOP("dtpl", "Kode", "cat.col.code"),
    "cat.col.name": QT_TRANSLATE_NOOP("dtpl", "Uraian", "cat.col.name"),
    "cat.col.unit": QT_TRANSLATE_NOOP("dtpl", "Satuan", "cat.col.unit"),
    "cat.col.rate": QT_TRANSLATE_NOOP("dtpl", "Harga (F)", "cat.col.rate"),
    "cat.add": QT_TRANSLATE_NOOP("dtpl", "Tambah ke RAB", "cat.add"),
    "cat.add_tip": QT_TRANSLATE_NOOP("dtpl", "Tambahkan analisa terpilih sebagai item (volume 0) ke divisi terpilih", "cat.add_tip"),
    "cat.no_section": QT_TRANSLATE_NOOP("dtpl", "Pilih divisi atau item pada RAB sebagai tempat item baru", "cat.no_section"),
    "cat.added": QT_TRANSLATE_NOOP("dtpl", "{code} ditambahkan ke {section}", "cat.added"),
    "cat.detail.empty": QT_TRANSLATE_NOOP("dtpl", "Pilih analisa untuk melihat rinciannya.", "cat.detail.empty"),
    "cat.detail.error": QT_TRANSLATE_NOOP("dtpl", "Analisa tidak dapat dihitung: {error}", "cat.detail.error"),
    "cat.detail.per": QT_TRANSLATE_NOOP("dtpl", "per 1 {unit}", "cat.detail.per"),
    "cat.h.uraian": QT_TRANSLATE_NOOP("dtpl", "Uraian", "cat.h.uraian"),
    "cat.h.unit": QT_TRANSLATE_NOOP("dtpl", "Sat.", "cat.h.unit"),
    "cat.h.coef": QT_TRANSLATE_NOOP("dtpl", "Koefisien", "cat.h.coef"),
    "cat.h.price": QT_TRANSLATE_NOOP("dtpl", "Harga Satuan", "cat.h.price"),
    "cat.h.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah (Rp)", "cat.h.amount"),
    "cat.A": QT_TRANSLATE_NOOP("dtpl", "A. Tenaga kerja", "cat.A"),
    "cat.B": QT_TRANSLATE_NOOP("dtpl", "B. Bahan", "cat.B"),
    "cat.C": QT_TRANSLATE_NOOP("dtpl", "C. Peralatan", "cat.C"),
    "cat.sumA": QT_TRANSLATE_NOOP("dtpl", "Jumlah A", "cat.sumA"),
    "cat.sumB": QT_TRANSLATE_NOOP("dtpl", "Jumlah B", "cat.sumB"),
    "cat.sumC": QT_TRANSLATE_NOOP("dtpl", "Jumlah C", "cat.sumC"),
    "cat.D": QT_TRANSLATE_NOOP("dtpl", "D. Jumlah (A + B + C)", "cat.D"),
    "cat.E": QT_TRANSLATE_NOOP("dtpl", "E. Biaya umum dan keuntungan {pct} × D", "cat.E"),
    "cat.F": QT_TRANSLATE_NOOP("dtpl", "F. Harga satuan pekerjaan (D + E)", "cat.F"),
    "cat.F_rounded": QT_TRANSLATE_NOOP("dtpl", "F dibulatkan ({rule})", "cat.F_rounded"),
    "cat.source": QT_TRANSLATE_NOOP("dtpl", "Sumber: {source}", "cat.source"),
    # findings
    "find.title": QT_TRANSLATE_NOOP("dtpl", "Temuan", "find.title"),
    "find.col.severity": QT_TRANSLATE_NOOP("dtpl", "Tingkat", "find.col.severity"),
    "find.col.location": QT_TRANSLATE_NOOP("dtpl", "Lokasi", "find.col.location"),
    "find.col.message": QT_TRANSLATE_NOOP("dtpl", "Keterangan", "find.col.message"),
    "find.none": QT_TRANSLATE_NOOP("dtpl", "Tidak ada temuan", "find.none"),
    "find.top": QT_TRANSLATE_NOOP("dtpl", "Terbesar:", "find.top"),
    "find.remedy": QT_TRANSLATE_NOOP("dtpl", "Agar lulus: {remedy}", "find.remedy"),
    "finding.measurement-unit": QT_TRANSLATE_NOOP("dtpl", "Volume tidak dapat dihitung dari back-up volume ({detail})", "finding.measurement-unit"),
    "finding.rate": QT_TRANSLATE_NOOP("dtpl", "Harga satuan tidak tersedia ({detail})", "finding.rate"),
    "finding.override": QT_TRANSLATE_NOOP("dtpl", "Harga satuan diganti tanpa alasan", "finding.override"),
    "finding.custom-rate": QT_TRANSLATE_NOOP("dtpl", "Harga satuan khusus tanpa alasan", "finding.custom-rate"),
    "finding.zero-volume": QT_TRANSLATE_NOOP("dtpl", "Volume nol", "finding.zero-volume"),
    "finding.ppn-ksm": QT_TRANSLATE_NOOP("dtpl", "PPN pada paket swakelola KSM tidak lazim (DOMAIN.md §4.3)", "finding.ppn-ksm"),
    "finding.negative-total": QT_TRANSLATE_NOOP("dtpl", "Total paket negatif (pengurangan melebihi pekerjaan)", "finding.negative-total"),
    "finding.stored-value": QT_TRANSLATE_NOOP("dtpl", "Angka tersimpan di berkas proyek salah: {detail}", "finding.stored-value"),
    "finding.negative-factor": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.negative-factor"),
    "finding.negative-rate": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.negative-rate"),
    "finding.measurement-sign": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.measurement-sign"),
    "finding.unit-empty": QT_TRANSLATE_NOOP("dtpl", "Item tanpa satuan", "finding.unit-empty"),
    "finding.unit-unknown": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.unit-unknown"),
    "finding.volume-decimals": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.volume-decimals"),
    "finding.ppn-rate": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.ppn-rate"),
    "finding.total-rounding": QT_TRANSLATE_NOOP("dtpl", "{detail}", "finding.total-rounding"),
    "finding.implausible-volume": QT_TRANSLATE_NOOP("dtpl", "Volume {value} tidak wajar (batas {limit})", "finding.implausible-volume"),
    "finding.implausible-rate": QT_TRANSLATE_NOOP("dtpl", "Harga satuan Rp {value} tidak wajar (batas Rp {limit})", "finding.implausible-rate"),
    "finding.negative-volume": QT_TRANSLATE_NOOP("dtpl", "Volume negatif ({value}): pengurangan melebihi pekerjaan", "finding.negative-volume"),
    "finding.audit-broken": QT_TRANSLATE_NOOP("dtpl", "Riwayat perubahan (log audit) diubah di luar DTPL Studio mulai entri #{entry} ({at}, {who}): entri itu dan sesudahnya tidak dapat dipercaya", "finding.audit-broken"),
    "severity.error": QT_TRANSLATE_NOOP("dtpl", "galat", "severity.error"),
    "severity.warning": QT_TRANSLATE_NOOP("dtpl", "peringatan", "severity.warning"),
    "severity.info": QT_TRANSLATE_NOOP("dtpl", "info", "severity.info"),
    "check.failed": QT_TRANSLATE_NOOP("dtpl", "{component}: Rp {amount} melebihi pagu Rp {ceiling}", "check.failed"),
    # status bar
    "status.book": QT_TRANSLATE_NOOP("dtpl", "Buku harga: {book}", "status.book"),
    "book.region_unknown": QT_TRANSLATE_NOOP("dtpl", "wilayah tidak diketahui", "book.region_unknown"),
    "cat.edition": QT_TRANSLATE_NOOP("dtpl", "Edisi:", "cat.edition"),
    "cat.edition.loading": QT_TRANSLATE_NOOP("dtpl", "memuat daftar edisi pustaka harga…", "cat.edition.loading"),
    "cat.edition.none": QT_TRANSLATE_NOOP("dtpl", "pustaka harga tidak terbaca: edisi bawaan", "cat.edition.none"),
    "cat.edition.label": QT_TRANSLATE_NOOP("dtpl", "#{id} {name} · {kind} · {status}", "cat.edition.label"),
    "cat.edition.draft": QT_TRANSLATE_NOOP("dtpl", "draf", "cat.edition.draft"),
    "cat.edition.published": QT_TRANSLATE_NOOP("dtpl", "terbit", "cat.edition.published"),
    "cat.edition.shipped": QT_TRANSLATE_NOOP("dtpl", "bawaan", "cat.edition.shipped"),
    "cat.edition.loaded": QT_TRANSLATE_NOOP("dtpl", "Katalog kini dari edisi {name}", "cat.edition.loaded"),
    "cat.edition.failed": QT_TRANSLATE_NOOP("dtpl", "Edisi tidak dapat dimuat: {reason}", "cat.edition.failed"),
    "book.unverified": QT_TRANSLATE_NOOP("dtpl", "BELUM TERVERIFIKASI (paket tanpa tanda tangan tepercaya)", "book.unverified"),
    "blm.errors": QT_TRANSLATE_NOOP("dtpl", "Ada {n} galat pada RAB (lihat Temuan): item bergalat bernilai 0, jadi pemeriksaan pagu belum sah.", "blm.errors"),
    "status.books": QT_TRANSLATE_NOOP("dtpl", "Buku harga: {n} edisi", "status.books"),
    "status.findings": QT_TRANSLATE_NOOP("dtpl", "Temuan: {errors} galat · {warnings} peringatan", "status.findings"),
    "status.findings_ok": QT_TRANSLATE_NOOP("dtpl", "Temuan: tidak ada", "status.findings_ok"),
    "status.saved": QT_TRANSLATE_NOOP("dtpl", "Tersimpan: {path}", "status.saved"),
    "status.opened": QT_TRANSLATE_NOOP("dtpl", "Dibuka: {path}", "status.opened"),
    "status.exported": QT_TRANSLATE_NOOP("dtpl", "PDF tersimpan: {path}", "status.exported"),
    "status.export_cancelled": QT_TRANSLATE_NOOP("dtpl", "Ekspor PDF dibatalkan", "status.export_cancelled"),
    "status.exported_xlsx": QT_TRANSLATE_NOOP("dtpl", "RAB xlsx tersimpan: {path}", "status.exported_xlsx"),
    "status.export_xlsx_cancelled": QT_TRANSLATE_NOOP("dtpl", "Ekspor xlsx dibatalkan", "status.export_xlsx_cancelled"),
    # audit log
    "rekap.title": QT_TRANSLATE_NOOP("dtpl", "Rekap kebutuhan", "rekap.title"),
    "rekap.scope.program": QT_TRANSLATE_NOOP("dtpl", "Seluruh program", "rekap.scope.program"),
    "rekap.scope.package": QT_TRANSLATE_NOOP("dtpl", "Paket {n}: {name}", "rekap.scope.package"),
    "rekap.save_csv": QT_TRANSLATE_NOOP("dtpl", "Simpan CSV…", "rekap.save_csv"),
    "rekap.col.name": QT_TRANSLATE_NOOP("dtpl", "Uraian", "rekap.col.name"),
    "rekap.col.unit": QT_TRANSLATE_NOOP("dtpl", "Satuan", "rekap.col.unit"),
    "rekap.col.qty": QT_TRANSLATE_NOOP("dtpl", "Kuantitas", "rekap.col.qty"),
    "rekap.col.price": QT_TRANSLATE_NOOP("dtpl", "Harga satuan (Rp)", "rekap.col.price"),
    "rekap.col.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah (Rp)", "rekap.col.amount"),
    "rekap.col.buy": QT_TRANSLATE_NOOP("dtpl", "Kuantitas beli", "rekap.col.buy"),
    "rekap.col.users": QT_TRANSLATE_NOOP("dtpl", "Dipakai oleh", "rekap.col.users"),
    "rekap.group.labour": QT_TRANSLATE_NOOP("dtpl", "Tenaga kerja", "rekap.group.labour"),
    "rekap.group.material": QT_TRANSLATE_NOOP("dtpl", "Bahan", "rekap.group.material"),
    "rekap.group.equipment": QT_TRANSLATE_NOOP("dtpl", "Peralatan", "rekap.group.equipment"),
    "rekap.group.not_broken": QT_TRANSLATE_NOOP("dtpl", "Item tidak diuraikan", "rekap.group.not_broken"),
    "rekap.group.adjust": QT_TRANSLATE_NOOP("dtpl", "Penyesuaian ke harga satuan RAB", "rekap.group.adjust"),
    "rekap.reason.override": QT_TRANSLATE_NOOP("dtpl", "harga satuan diganti", "rekap.reason.override"),
    "rekap.reason.custom": QT_TRANSLATE_NOOP("dtpl", "harga khusus, tanpa analisa", "rekap.reason.custom"),
    "rekap.reason.error": QT_TRANSLATE_NOOP("dtpl", "tidak dapat dihitung", "rekap.reason.error"),
    "rekap.adjust.overhead": QT_TRANSLATE_NOOP("dtpl", "Biaya umum dan keuntungan (E)", "rekap.adjust.overhead"),
    "rekap.adjust.overhead.tip": QT_TRANSLATE_NOOP("dtpl", "Biaya umum dan keuntungan (E) yang termasuk dalam harga satuan pekerjaan: bukan kebutuhan bahan atau tenaga kerja", "rekap.adjust.overhead.tip"),
    "rekap.adjust.rate_rounding": QT_TRANSLATE_NOOP("dtpl", "Pembulatan harga satuan (F)", "rekap.adjust.rate_rounding"),
    "rekap.adjust.rate_rounding.tip": QT_TRANSLATE_NOOP("dtpl", "Harga satuan pekerjaan (F) dibulatkan menurut aturan buku harga (mis. ke bawah ke kelipatan Rp 100), termasuk di dalam analisa turunan", "rekap.adjust.rate_rounding.tip"),
    "rekap.adjust.sub_price": QT_TRANSLATE_NOOP("dtpl", "Harga analisa turunan dari buku", "rekap.adjust.sub_price"),
    "rekap.adjust.sub_price.tip": QT_TRANSLATE_NOOP("dtpl", "Baris analisa turunan yang harganya ditetapkan buku, bukan F analisa turunan itu: selisihnya", "rekap.adjust.sub_price.tip"),
    "rekap.adjust.rounding": QT_TRANSLATE_NOOP("dtpl", "Selisih pembulatan ke rupiah", "rekap.adjust.rounding"),
    "rekap.adjust.rounding.tip": QT_TRANSLATE_NOOP("dtpl", "Jumlah tiap item RAB dan tiap baris rekap (kuantitas tercetak × harga satuan) dibulatkan ke rupiah", "rekap.adjust.rounding.tip"),
    "rekap.total": QT_TRANSLATE_NOOP("dtpl", "Jumlah biaya langsung RAB", "rekap.total"),
    "rekap.summary": QT_TRANSLATE_NOOP("dtpl", "Kebutuhan Rp {resources} + penyesuaian Rp {adjust} + item tidak diuraikan Rp {other} = biaya langsung RAB Rp {direct}. Tenaga kerja {days} OH.", "rekap.summary"),
    "rekap.empty": QT_TRANSLATE_NOOP("dtpl", "Belum ada item RAB.", "rekap.empty"),
    "rekap.saved": QT_TRANSLATE_NOOP("dtpl", "Rekap kebutuhan tersimpan: {path}", "rekap.saved"),
    "dlg.rekap_export.title": QT_TRANSLATE_NOOP("dtpl", "Simpan rekap kebutuhan (CSV)", "dlg.rekap_export.title"),
    "dlg.filter.csv": QT_TRANSLATE_NOOP("dtpl", "CSV (*.csv)", "dlg.filter.csv"),
    "audit.title": QT_TRANSLATE_NOOP("dtpl", "Riwayat perubahan", "audit.title"),
    "audit.none": QT_TRANSLATE_NOOP("dtpl", "Belum ada riwayat: proyek belum disimpan.", "audit.none"),
    "audit.intact": QT_TRANSLATE_NOOP("dtpl", "{n} entri; rantai hash utuh (tidak ada yang diubah di luar DTPL Studio).", "audit.intact"),
    "audit.broken": QT_TRANSLATE_NOOP("dtpl", "PERINGATAN: riwayat diubah di luar DTPL Studio mulai entri #{entry} ({at}, {who}); entri itu dan sesudahnya tidak dapat dipercaya.", "audit.broken"),
    "audit.print": QT_TRANSLATE_NOOP("dtpl", "Cetak PDF…", "audit.print"),
    "audit.col.no": QT_TRANSLATE_NOOP("dtpl", "No", "audit.col.no"),
    "audit.col.at": QT_TRANSLATE_NOOP("dtpl", "Waktu", "audit.col.at"),
    "audit.col.who": QT_TRANSLATE_NOOP("dtpl", "Oleh", "audit.col.who"),
    "audit.col.action": QT_TRANSLATE_NOOP("dtpl", "Tindakan", "audit.col.action"),
    "audit.col.subject": QT_TRANSLATE_NOOP("dtpl", "Perubahan", "audit.col.subject"),
    "audit.change": QT_TRANSLATE_NOOP("dtpl", "{what}: {old} → {new}", "audit.change"),
    "audit.action.save": QT_TRANSLATE_NOOP("dtpl", "Simpan", "audit.action.save"),
    "audit.action.upgrade": QT_TRANSLATE_NOOP("dtpl", "Perbarui format berkas", "audit.action.upgrade"),
    "audit.action.price.resource": QT_TRANSLATE_NOOP("dtpl", "Ubah harga upah/bahan/alat", "audit.action.price.resource"),
    "audit.action.price.override": QT_TRANSLATE_NOOP("dtpl", "Ganti harga satuan item", "audit.action.price.override"),
    "audit.action.price.custom": QT_TRANSLATE_NOOP("dtpl", "Harga satuan khusus", "audit.action.price.custom"),
    "audit.action.reprice": QT_TRANSLATE_NOOP("dtpl", "Ganti edisi buku harga", "audit.action.reprice"),
    "audit.action.add": QT_TRANSLATE_NOOP("dtpl", "Impor edisi buku harga", "audit.action.add"),
    "audit.action.publish": QT_TRANSLATE_NOOP("dtpl", "Terbitkan edisi", "audit.action.publish"),
    "audit.exported": QT_TRANSLATE_NOOP("dtpl", "Riwayat perubahan tersimpan: {path}", "audit.exported"),
    "dlg.audit_export.title": QT_TRANSLATE_NOOP("dtpl", "Cetak riwayat perubahan (PDF)", "dlg.audit_export.title"),
    # dialogs
    "dlg.open.title": QT_TRANSLATE_NOOP("dtpl", "Buka proyek", "dlg.open.title"),
    "dlg.save_as.title": QT_TRANSLATE_NOOP("dtpl", "Simpan proyek sebagai", "dlg.save_as.title"),
    "dlg.export.title": QT_TRANSLATE_NOOP("dtpl", "Ekspor PDF DTPL", "dlg.export.title"),
    "dlg.filter.project": QT_TRANSLATE_NOOP("dtpl", "Proyek DTPL (*.dtpl);;Semua berkas (*)", "dlg.filter.project"),
    "dlg.filter.pdf": QT_TRANSLATE_NOOP("dtpl", "PDF (*.pdf)", "dlg.filter.pdf"),
    "dlg.open_failed.title": QT_TRANSLATE_NOOP("dtpl", "Gagal membuka proyek", "dlg.open_failed.title"),
    "dlg.locked.here": QT_TRANSLATE_NOOP("dtpl", "Berkas {path} sudah terbuka di jendela DTPL Studio lain.", "dlg.locked.here"),
    "dlg.locked.who": QT_TRANSLATE_NOOP("dtpl", "oleh {user} di komputer {host} (proses {pid}) sejak {since}", "dlg.locked.who"),
    "dlg.locked.text": QT_TRANSLATE_NOOP("dtpl", "Berkas {path} sedang dibuka {who}.\n\nTutup di sana terlebih dahulu. Jika program itu sudah tidak berjalan, hapus berkas {lock} di samping proyek.", "dlg.locked.text"),
    "dlg.open_failed.text": QT_TRANSLATE_NOOP("dtpl", "Berkas {path} tidak dapat dibuka.\n\n{error}", "dlg.open_failed.text"),
    "dlg.save_failed.title": QT_TRANSLATE_NOOP("dtpl", "Gagal menyimpan", "dlg.save_failed.title"),
    "dlg.save_failed.text": QT_TRANSLATE_NOOP("dtpl", "Proyek tidak dapat disimpan ke {path}.\n\n{error}", "dlg.save_failed.text"),
    "dlg.export_failed.title": QT_TRANSLATE_NOOP("dtpl", "Ekspor PDF gagal", "dlg.export_failed.title"),
    "dlg.export_failed.text": QT_TRANSLATE_NOOP("dtpl", "PDF tidak dapat dibuat.\n\n{error}", "dlg.export_failed.text"),
    "dlg.export.progress": QT_TRANSLATE_NOOP("dtpl", "Menyusun PDF DTPL…", "dlg.export.progress"),
    "dlg.export.cancel": QT_TRANSLATE_NOOP("dtpl", "Batal", "dlg.export.cancel"),
    "dlg.export_xlsx.title": QT_TRANSLATE_NOOP("dtpl", "Ekspor RAB xlsx", "dlg.export_xlsx.title"),
    "dlg.export_xlsx.progress": QT_TRANSLATE_NOOP("dtpl", "Menyusun buku kerja RAB…", "dlg.export_xlsx.progress"),
    "dlg.export_xlsx_failed.title": QT_TRANSLATE_NOOP("dtpl", "Ekspor xlsx gagal", "dlg.export_xlsx_failed.title"),
    "dlg.export_xlsx_failed.text": QT_TRANSLATE_NOOP("dtpl", "Buku kerja RAB tidak dapat dibuat.\n\n{error}", "dlg.export_xlsx_failed.text"),
    "dlg.filter.xlsx": QT_TRANSLATE_NOOP("dtpl", "Buku kerja Excel (*.xlsx)", "dlg.filter.xlsx"),
    "dlg.unsaved.title": QT_TRANSLATE_NOOP("dtpl", "Perubahan belum disimpan", "dlg.unsaved.title"),
    "dlg.unsaved.text": QT_TRANSLATE_NOOP("dtpl", "Proyek {name} telah diubah. Simpan perubahan?", "dlg.unsaved.text"),
    "dlg.unsaved.save": QT_TRANSLATE_NOOP("dtpl", "Simpan", "dlg.unsaved.save"),
    "dlg.unsaved.discard": QT_TRANSLATE_NOOP("dtpl", "Jangan simpan", "dlg.unsaved.discard"),
    "dlg.unsaved.cancel": QT_TRANSLATE_NOOP("dtpl", "Batal", "dlg.unsaved.cancel"),
    "dlg.unexpected.title": QT_TRANSLATE_NOOP("dtpl", "Terjadi kesalahan", "dlg.unexpected.title"),
    "dlg.unexpected.text": QT_TRANSLATE_NOOP("dtpl", "Terjadi kesalahan yang tidak terduga:\n\n{error}\n\nRincian teknis dicatat di log.", "dlg.unexpected.text"),
    "dlg.no_book": QT_TRANSLATE_NOOP("dtpl", "Buku harga bawaan tidak tersedia: {error}", "dlg.no_book"),
    "dlg.about.rich": QT_TRANSLATE_NOOP("dtpl", "<h3>DTPL Studio {version}</h3><p>RAB dari analisa harga satuan (AHSP) dan dokumen teknis (DTPL) untuk PLP-BK.</p><p><b>Buku harga bawaan:</b> {edition}</p><p><b>Lisensi:</b> {licence}</p>", "dlg.about.rich"),
    "welcome.title": QT_TRANSLATE_NOOP("dtpl", "Selamat datang di DTPL Studio", "welcome.title"),
    "welcome.text": QT_TRANSLATE_NOOP("dtpl", "<p>Yang terbuka sekarang adalah <b>proyek demo</b>: satu kelurahan fiktif dengan paket perencanaan dan jalan rabat beton dengan saluran, dihitung dari buku harga AHSP Cipta Karya 2023 bawaan. Silakan ubah volume, baris back-up dan item untuk mencoba; cek pagu BLM dan ekspor PDF DTPL ada di menu.</p><p><b>Memulai proyek sendiri:</b> pilih <i>Berkas → Proyek baru…</i> dan beri nama berkasnya (.dtpl), lalu isi kelurahan, kota, tahun anggaran dan penandatangan di <i>Berkas → Pengaturan proyek…</i>. Langkah demi langkah ada di <i>Bantuan → Panduan pengguna</i> (F1). Proyek terakhir ada di <i>Berkas → Buka terakhir</i>.</p>", "welcome.text"),
    "welcome.dont_show": QT_TRANSLATE_NOOP("dtpl", "Jangan tampilkan lagi", "welcome.dont_show"),
    "welcome.start": QT_TRANSLATE_NOOP("dtpl", "Mulai", "welcome.start"),
    "action.guide": QT_TRANSLATE_NOOP("dtpl", "&Panduan pengguna", "action.guide"),
    "guide.title": QT_TRANSLATE_NOOP("dtpl", "Panduan pengguna", "guide.title"),
    "guide.missing": QT_TRANSLATE_NOOP("dtpl", "Panduan pengguna tidak ada di instalasi ini (paketnya tidak lengkap). Pasang ulang DTPL Studio, atau dari folder sumber jalankan: make docs", "guide.missing"),
    "menu.language": QT_TRANSLATE_NOOP("dtpl", "&Bahasa", "menu.language"),
    "status.language_busy": QT_TRANSLATE_NOOP("dtpl", "Bahasa belum diganti: ekspor PDF sedang berjalan. Tunggu sampai selesai, lalu pilih lagi.", "status.language_busy"),
    "dlg.untitled": QT_TRANSLATE_NOOP("dtpl", "Tanpa judul", "dlg.untitled"),
    "title.read_only": QT_TRANSLATE_NOOP("dtpl", "hanya-baca", "title.read_only"),
    "banner.read_only.folder": QT_TRANSLATE_NOOP("dtpl", "Proyek ini dibuka hanya-baca: foldernya tidak dapat ditulisi. Perubahan dapat disimpan sebagai salinan di tempat lain.", "banner.read_only.folder"),
    "banner.read_only.file": QT_TRANSLATE_NOOP("dtpl", "Proyek ini dibuka hanya-baca: berkasnya ditandai hanya-baca. Perubahan dapat disimpan sebagai salinan di tempat lain.", "banner.read_only.file"),
    "status.cleaned": QT_TRANSLATE_NOOP("dtpl", "{n} berkas sementara sisa gangguan sebelumnya dibersihkan", "status.cleaned"),
    "status.autosaved": QT_TRANSLATE_NOOP("dtpl", "Salinan pemulihan diperbarui", "status.autosaved"),
    "status.autosave_failed": QT_TRANSLATE_NOOP("dtpl", "Salinan pemulihan tidak dapat ditulis: {error}", "status.autosave_failed"),
    "recover.title": QT_TRANSLATE_NOOP("dtpl", "Pulihkan pekerjaan?", "recover.title"),
    "recover.text": QT_TRANSLATE_NOOP("dtpl", "DTPL Studio tidak ditutup dengan benar saat proyek {name} terbuka. Ada salinan pemulihan yang tersimpan otomatis pada {when}.\n\nDibanding berkas yang tersimpan:\n{changes}\n\nPulihkan keadaan itu? (Berkas proyek baru berubah saat Anda menyimpan.)", "recover.text"),
    "recover.packages": QT_TRANSLATE_NOOP("dtpl", "Paket: {old} → {new}", "recover.packages"),
    "recover.items": QT_TRANSLATE_NOOP("dtpl", "Item pekerjaan: {old} → {new}", "recover.items"),
    "recover.total": QT_TRANSLATE_NOOP("dtpl", "Total semua paket: Rp {old} → Rp {new}", "recover.total"),
    "recover.package": QT_TRANSLATE_NOOP("dtpl", "{name}: Rp {old} → Rp {new}", "recover.package"),
    "recover.absent": QT_TRANSLATE_NOOP("dtpl", "(tidak ada)", "recover.absent"),
    "recover.accept": QT_TRANSLATE_NOOP("dtpl", "Pulihkan", "recover.accept"),
    "recover.discard": QT_TRANSLATE_NOOP("dtpl", "Jangan sekarang, buka yang tersimpan", "recover.discard"),
    "recover.kept": QT_TRANSLATE_NOOP("dtpl", "Bila tidak dipulihkan sekarang, salinan pemulihan tetap disimpan sampai proyek disimpan lagi, dan ditawarkan lagi saat proyek ini dibuka.", "recover.kept"),
    "recover.older": QT_TRANSLATE_NOOP("dtpl", "Masih ada {n} salinan pemulihan lain yang pernah tidak Anda pulihkan (tersimpan otomatis pada {when}); salinan itu juga disimpan sampai proyek disimpan lagi dan ditawarkan sesudah salinan ini.", "recover.older"),
    "recover.declined": QT_TRANSLATE_NOOP("dtpl", "Salinan ini pernah tidak Anda pulihkan; salinan itu disimpan sampai proyek disimpan lagi.", "recover.declined"),
    "dlg.file.save": QT_TRANSLATE_NOOP("dtpl", "Simpan", "dlg.file.save"),
    "dlg.file.open": QT_TRANSLATE_NOOP("dtpl", "Buka", "dlg.file.open"),
    "dlg.overwrite.title": QT_TRANSLATE_NOOP("dtpl", "Berkas sudah ada", "dlg.overwrite.title"),
    "dlg.overwrite.text": QT_TRANSLATE_NOOP("dtpl", "{name} sudah ada. Ganti berkas itu? Isinya yang sekarang akan hilang.", "dlg.overwrite.text"),
    "dlg.file.cancel": QT_TRANSLATE_NOOP("dtpl", "Batal", "dlg.file.cancel"),
    "dlg.file.look_in": QT_TRANSLATE_NOOP("dtpl", "Lihat di:", "dlg.file.look_in"),
    "dlg.file.name": QT_TRANSLATE_NOOP("dtpl", "Nama berkas:", "dlg.file.name"),
    "dlg.file.type": QT_TRANSLATE_NOOP("dtpl", "Jenis berkas:", "dlg.file.type"),
}

# -- tree editing and project settings (issue 10 points 1 and 4) ---------------------------------
ID.update({
    "menu.structure": QT_TRANSLATE_NOOP("dtpl", "&Struktur RAB", "menu.structure"),
    "action.add_section": QT_TRANSLATE_NOOP("dtpl", "Tambah &bagian", "action.add_section"),
    "action.move_up": QT_TRANSLATE_NOOP("dtpl", "Pindah ke &atas", "action.move_up"),
    "action.move_down": QT_TRANSLATE_NOOP("dtpl", "Pindah ke &bawah", "action.move_down"),
    "action.indent": QT_TRANSLATE_NOOP("dtpl", "Masukkan ke bagian di atasnya", "action.indent"),
    "action.outdent": QT_TRANSLATE_NOOP("dtpl", "Keluarkan dari bagian", "action.outdent"),
    "action.remove_node": QT_TRANSLATE_NOOP("dtpl", "&Hapus baris terpilih", "action.remove_node"),
    "action.add_package": QT_TRANSLATE_NOOP("dtpl", "Tambah &paket", "action.add_package"),
    "action.remove_package": QT_TRANSLATE_NOOP("dtpl", "Hapus paket", "action.remove_package"),
    "action.settings": QT_TRANSLATE_NOOP("dtpl", "Pengaturan &proyek…", "action.settings"),
    "cmd.add_section": QT_TRANSLATE_NOOP("dtpl", "Tambah bagian {item}", "cmd.add_section"),
    "cmd.move": QT_TRANSLATE_NOOP("dtpl", "Pindahkan {item}", "cmd.move"),
    "cmd.add_package": QT_TRANSLATE_NOOP("dtpl", "Tambah paket {item}", "cmd.add_package"),
    "action.import_rab": QT_TRANSLATE_NOOP("dtpl", "Impor &RAB…", "action.import_rab"),
    "cmd.import_rab": QT_TRANSLATE_NOOP("dtpl", "Impor RAB {item}", "cmd.import_rab"),
    "dlg.import_rab.open": QT_TRANSLATE_NOOP("dtpl", "Impor RAB dari buku kerja atau CSV", "dlg.import_rab.open"),
    "dlg.filter.rab": QT_TRANSLATE_NOOP("dtpl", "RAB (*.xlsx *.xlsm *.csv)", "dlg.filter.rab"),
    "dlg.import_rab.title": QT_TRANSLATE_NOOP("dtpl", "Impor RAB: {file}", "dlg.import_rab.title"),
    "dlg.import_rab.severity": QT_TRANSLATE_NOOP("dtpl", "Tingkat", "dlg.import_rab.severity"),
    "dlg.import_rab.where": QT_TRANSLATE_NOOP("dtpl", "Sel", "dlg.import_rab.where"),
    "dlg.import_rab.message": QT_TRANSLATE_NOOP("dtpl", "Temuan", "dlg.import_rab.message"),
    "dlg.import_rab.action": QT_TRANSLATE_NOOP("dtpl", "Tindakan", "dlg.import_rab.action"),
    "dlg.import_rab.add": QT_TRANSLATE_NOOP("dtpl", "Tambahkan ke proyek", "dlg.import_rab.add"),
    "dlg.import_rab.failed": QT_TRANSLATE_NOOP("dtpl", "Impor RAB gagal", "dlg.import_rab.failed"),
    "dlg.import_rab.failed_text": QT_TRANSLATE_NOOP("dtpl", "RAB tidak dapat diimpor.\n\n{error}",
                                                     "dlg.import_rab.failed_text"),
    "cmd.remove_package": QT_TRANSLATE_NOOP("dtpl", "Hapus paket {item}", "cmd.remove_package"),
    "cmd.settings": QT_TRANSLATE_NOOP("dtpl", "Ubah pengaturan proyek", "cmd.settings"),
    "new.section": QT_TRANSLATE_NOOP("dtpl", "BAGIAN BARU", "new.section"),
    "new.package": QT_TRANSLATE_NOOP("dtpl", "Paket baru", "new.package"),
    "new.division": QT_TRANSLATE_NOOP("dtpl", "PEKERJAAN PERSIAPAN", "new.division"),
    "tree.cannot": QT_TRANSLATE_NOOP("dtpl", "Tidak dapat: {reason}", "tree.cannot"),
    "tree.first": QT_TRANSLATE_NOOP("dtpl", "Tidak dipindah: sudah paling atas di bagiannya.", "tree.first"),
    "tree.last": QT_TRANSLATE_NOOP("dtpl", "Tidak dipindah: sudah paling bawah di bagiannya.", "tree.last"),
    "tree.no_indent": QT_TRANSLATE_NOOP("dtpl", "Tidak dipindah: tidak ada bagian tepat di atasnya untuk dimasuki.", "tree.no_indent"),
    "tree.no_outdent": QT_TRANSLATE_NOOP("dtpl", "Tidak dipindah: sudah di tingkat teratas paket (item selalu berada di dalam sebuah divisi).", "tree.no_outdent"),
    "tree.nothing": QT_TRANSLATE_NOOP("dtpl", "Pilih dulu bagian atau item di RAB.", "tree.nothing"),
    "action.data_umum": QT_TRANSLATE_NOOP("dtpl", "Data &umum…", "action.data_umum"),
    "cmd.data_umum": QT_TRANSLATE_NOOP("dtpl", "ubah data umum", "cmd.data_umum"),
    "du.title": QT_TRANSLATE_NOOP("dtpl", "Data umum", "du.title"),
    "du.package": QT_TRANSLATE_NOOP("dtpl", "Paket:", "du.package"),
    "du.package_heading": QT_TRANSLATE_NOOP("dtpl", "Paket: {name}", "du.package_heading"),
    "du.no_package": QT_TRANSLATE_NOOP("dtpl", "Belum ada paket", "du.no_package"),
    "du.tab.wilayah": QT_TRANSLATE_NOOP("dtpl", "Wilayah && kelembagaan", "du.tab.wilayah"),
    "du.tab.lokasi": QT_TRANSLATE_NOOP("dtpl", "Lokasi && penerima manfaat", "du.tab.lokasi"),
    "du.tab.kondisi": QT_TRANSLATE_NOOP("dtpl", "Kondisi && KPP", "du.tab.kondisi"),
    "du.kelurahan": QT_TRANSLATE_NOOP("dtpl", "Kelurahan/desa", "du.kelurahan"),
    "du.kecamatan": QT_TRANSLATE_NOOP("dtpl", "Kecamatan", "du.kecamatan"),
    "du.kota": QT_TRANSLATE_NOOP("dtpl", "Kota/kabupaten", "du.kota"),
    "du.provinsi": QT_TRANSLATE_NOOP("dtpl", "Provinsi", "du.provinsi"),
    "du.bkm": QT_TRANSLATE_NOOP("dtpl", "BKM/LKM", "du.bkm"),
    "du.bkm_ketua": QT_TRANSLATE_NOOP("dtpl", "Koordinator BKM/LKM", "du.bkm_ketua"),
    "du.sign_place": QT_TRANSLATE_NOOP("dtpl", "Tempat pengesahan", "du.sign_place"),
    "du.sign_place_hint": QT_TRANSLATE_NOOP("dtpl", "kosong = nama kelurahan", "du.sign_place_hint"),
    "du.sign_date": QT_TRANSLATE_NOOP("dtpl", "Tanggal pengesahan", "du.sign_date"),
    "du.sign_date_hint": QT_TRANSLATE_NOOP("dtpl", "mis. 12 Desember 2026; kosong = diisi tangan", "du.sign_date_hint"),
    "du.ksm": QT_TRANSLATE_NOOP("dtpl", "KSM/TPK", "du.ksm"),
    "du.ksm_ketua": QT_TRANSLATE_NOOP("dtpl", "Ketua KSM/TPK", "du.ksm_ketua"),
    "du.location": QT_TRANSLATE_NOOP("dtpl", "Alamat/lokasi", "du.location"),
    "du.rt": QT_TRANSLATE_NOOP("dtpl", "RT", "du.rt"),
    "du.rw": QT_TRANSLATE_NOOP("dtpl", "RW", "du.rw"),
    "du.latitude": QT_TRANSLATE_NOOP("dtpl", "Lintang (latitude)", "du.latitude"),
    "du.longitude": QT_TRANSLATE_NOOP("dtpl", "Bujur (longitude)", "du.longitude"),
    "du.kk": QT_TRANSLATE_NOOP("dtpl", "Jumlah KK", "du.kk"),
    "du.jiwa": QT_TRANSLATE_NOOP("dtpl", "Jumlah jiwa", "du.jiwa"),
    "du.kk_miskin": QT_TRANSLATE_NOOP("dtpl", "Jumlah KK miskin", "du.kk_miskin"),
    "du.perempuan": QT_TRANSLATE_NOOP("dtpl", "Jumlah perempuan", "du.perempuan"),
    "du.kondisi": QT_TRANSLATE_NOOP("dtpl", "Kondisi eksisting", "du.kondisi"),
    "du.masalah": QT_TRANSLATE_NOOP("dtpl", "Permasalahan yang diatasi", "du.masalah"),
    "du.kpp_nama": QT_TRANSLATE_NOOP("dtpl", "KPP (pengelola)", "du.kpp_nama"),
    "du.kpp_kegiatan": QT_TRANSLATE_NOOP("dtpl", "Kegiatan pemeliharaan", "du.kpp_kegiatan"),
    "du.kpp_dana": QT_TRANSLATE_NOOP("dtpl", "Sumber dana pemeliharaan", "du.kpp_dana"),
    "du.bad_count": QT_TRANSLATE_NOOP("dtpl", "{field}: \"{text}\" bukan bilangan bulat ≥ 0.", "du.bad_count"),
    "du.bad_degrees": QT_TRANSLATE_NOOP("dtpl", "{field}: \"{text}\" bukan angka derajat desimal (contoh -6,9175).", "du.bad_degrees"),
    "du.bad_range": QT_TRANSLATE_NOOP("dtpl", "{field}: {text} di luar rentang -{limit} sampai {limit} derajat.", "du.bad_range"),
    "du.part_above": QT_TRANSLATE_NOOP("dtpl", "{part} ({a}) tidak boleh melebihi {whole} ({b}).", "du.part_above"),
    "du.missing": QT_TRANSLATE_NOOP("dtpl", "Belum diisi: {fields}", "du.missing"),
    "set.title": QT_TRANSLATE_NOOP("dtpl", "Pengaturan proyek", "set.title"),
    "set.location": QT_TRANSLATE_NOOP("dtpl", "Lokasi dan program", "set.location"),
    "set.program_title": QT_TRANSLATE_NOOP("dtpl", "Judul kegiatan", "set.program_title"),
    "set.kelurahan": QT_TRANSLATE_NOOP("dtpl", "Kelurahan", "set.kelurahan"),
    "set.kecamatan": QT_TRANSLATE_NOOP("dtpl", "Kecamatan", "set.kecamatan"),
    "set.kota": QT_TRANSLATE_NOOP("dtpl", "Kota/kabupaten", "set.kota"),
    "set.provinsi": QT_TRANSLATE_NOOP("dtpl", "Provinsi", "set.provinsi"),
    "set.bkm": QT_TRANSLATE_NOOP("dtpl", "BKM", "set.bkm"),
    "set.fiscal_year": QT_TRANSLATE_NOOP("dtpl", "Tahun anggaran", "set.fiscal_year"),
    "set.package": QT_TRANSLATE_NOOP("dtpl", "Paket: {name}", "set.package"),
    "set.package_name": QT_TRANSLATE_NOOP("dtpl", "Nama paket", "set.package_name"),
    "set.component": QT_TRANSLATE_NOOP("dtpl", "Komponen", "set.component"),
    "set.ppn": QT_TRANSLATE_NOOP("dtpl", "PPN", "set.ppn"),
    "set.ppn_applies": QT_TRANSLATE_NOOP("dtpl", "dikenakan", "set.ppn_applies"),
    "set.ppn_label": QT_TRANSLATE_NOOP("dtpl", "Label", "set.ppn_label"),
    "set.rounding": QT_TRANSLATE_NOOP("dtpl", "Pembulatan total", "set.rounding"),
    "set.no_rounding": QT_TRANSLATE_NOOP("dtpl", "tanpa pembulatan", "set.no_rounding"),
    "set.mode.down": QT_TRANSLATE_NOOP("dtpl", "ke bawah", "set.mode.down"),
    "set.mode.half_up": QT_TRANSLATE_NOOP("dtpl", "terdekat", "set.mode.half_up"),
    "set.mode.up": QT_TRANSLATE_NOOP("dtpl", "ke atas", "set.mode.up"),
    "set.overhead": QT_TRANSLATE_NOOP("dtpl", "Overhead (E) bawaan", "set.overhead"),
    "set.overhead_hint": QT_TRANSLATE_NOOP("dtpl", "biaya umum dan keuntungan untuk analisa tanpa persentase sendiri", "set.overhead_hint"),
    "set.ksm": QT_TRANSLATE_NOOP("dtpl", "KSM", "set.ksm"),
    "set.package_location": QT_TRANSLATE_NOOP("dtpl", "Lokasi paket", "set.package_location"),
    "set.signatories": QT_TRANSLATE_NOOP("dtpl", "Penandatangan", "set.signatories"),
    "set.sig.role": QT_TRANSLATE_NOOP("dtpl", "Peran", "set.sig.role"),
    "set.sig.name": QT_TRANSLATE_NOOP("dtpl", "Nama", "set.sig.name"),
    "set.sig.position": QT_TRANSLATE_NOOP("dtpl", "Jabatan", "set.sig.position"),
    "set.sig.date": QT_TRANSLATE_NOOP("dtpl", "Tanggal", "set.sig.date"),
    "set.sig.nip": QT_TRANSLATE_NOOP("dtpl", "NIP", "set.sig.nip"),
    "set.sig.add": QT_TRANSLATE_NOOP("dtpl", "Tambah penandatangan", "set.sig.add"),
    "set.sig.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus", "set.sig.remove"),
    "set.ok": QT_TRANSLATE_NOOP("dtpl", "Terapkan", "set.ok"),
    "set.cancel": QT_TRANSLATE_NOOP("dtpl", "Batal", "set.cancel"),
    "set.bad_number": QT_TRANSLATE_NOOP("dtpl", "{field}: \"{text}\" bukan angka. Tulis misalnya 11 atau 11,5.", "set.bad_number"),
    "set.bad_percent": QT_TRANSLATE_NOOP("dtpl", "{field}: {text} di luar 0–100 %.", "set.bad_percent"),
    # the Program BLM dialog and the funding column (issue 6)
    "action.blm_program": QT_TRANSLATE_NOOP("dtpl", "Program &BLM…", "action.blm_program"),
    "blm.program": QT_TRANSLATE_NOOP("dtpl", "Atur program BLM…", "blm.program"),
    "blmp.title": QT_TRANSLATE_NOOP("dtpl", "Program BLM", "blmp.title"),
    "blmp.verdict": QT_TRANSLATE_NOOP("dtpl", "Kesimpulan saat ini: {verdict} (setiap perubahan langsung diperiksa dan dapat diurungkan)", "blmp.verdict"),
    "blmp.close": QT_TRANSLATE_NOOP("dtpl", "Tutup", "blmp.close"),
    "blmp.tab.rules": QT_TRANSLATE_NOOP("dtpl", "Aturan pagu", "blmp.tab.rules"),
    "blmp.tab.termins": QT_TRANSLATE_NOOP("dtpl", "Termin pencairan", "blmp.tab.termins"),
    "blmp.tab.swadaya": QT_TRANSLATE_NOOP("dtpl", "Minimum swadaya", "blmp.tab.swadaya"),
    "blmp.tab.categories": QT_TRANSLATE_NOOP("dtpl", "Kategori perencanaan", "blmp.tab.categories"),
    "blmp.rules.hint": QT_TRANSLATE_NOOP("dtpl", "Pagu BLM per program, tahun dan komponen, dengan sumber aturannya (dicetak pada bab pemeriksaan pagu). Tahun kosong = semua tahun; program kosong = semua program. Baris dengan tahun anggaran yang sama mengalahkan baris tanpa tahun.", "blmp.rules.hint"),
    "blmp.rule.col.program": QT_TRANSLATE_NOOP("dtpl", "Program", "blmp.rule.col.program"),
    "blmp.rule.col.year": QT_TRANSLATE_NOOP("dtpl", "Tahun", "blmp.rule.col.year"),
    "blmp.rule.col.component": QT_TRANSLATE_NOOP("dtpl", "Komponen", "blmp.rule.col.component"),
    "blmp.rule.col.ceiling": QT_TRANSLATE_NOOP("dtpl", "Pagu (Rp)", "blmp.rule.col.ceiling"),
    "blmp.rule.col.source_ref": QT_TRANSLATE_NOOP("dtpl", "Sumber aturan", "blmp.rule.col.source_ref"),
    "blmp.rule.col.note": QT_TRANSLATE_NOOP("dtpl", "Catatan", "blmp.rule.col.note"),
    "blmp.component.perencanaan": QT_TRANSLATE_NOOP("dtpl", "BLM perencanaan", "blmp.component.perencanaan"),
    "blmp.component.fisik": QT_TRANSLATE_NOOP("dtpl", "BLM fisik", "blmp.component.fisik"),
    "blmp.component.total": QT_TRANSLATE_NOOP("dtpl", "Total BLM", "blmp.component.total"),
    "blmp.rules.add": QT_TRANSLATE_NOOP("dtpl", "Tambah baris", "blmp.rules.add"),
    "blmp.rules.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus baris", "blmp.rules.remove"),
    "blmp.rules.reset": QT_TRANSLATE_NOOP("dtpl", "Kembalikan ke PLP-BK", "blmp.rules.reset"),
    "blmp.rule.err.blank": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: pagu kosong. Tulis pagu dalam rupiah, misalnya 300.000.000.", "blmp.rule.err.blank"),
    "blmp.rule.err.number": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: \"{text}\" bukan angka rupiah (misalnya 300.000.000).", "blmp.rule.err.number"),
    "blmp.rule.err.year": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: \"{text}\" bukan tahun (misalnya 2024; kosong = semua tahun).", "blmp.rule.err.year"),
    "blmp.rule.err.ceiling-negative": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: pagu tidak boleh negatif.", "blmp.rule.err.ceiling-negative"),
    "blmp.rule.err.ceiling-invalid": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: pagu harus berupa angka rupiah.", "blmp.rule.err.ceiling-invalid"),
    "blmp.rule.err.ceiling-range": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: pagu paling banyak Rp 1.000.000.000.000.000 (10^15).", "blmp.rule.err.ceiling-range"),
    "blmp.rule.err.ceiling-fraction": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: pagu harus rupiah bulat, tanpa sen (misalnya 700.000.000).", "blmp.rule.err.ceiling-fraction"),
    "blmp.rule.err.year-range": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: tahun harus antara 1990 dan 2100 (kosong = semua tahun).", "blmp.rule.err.year-range"),
    "blmp.rule.err.duplicate": QT_TRANSLATE_NOOP("dtpl", "Aturan baris {row}, kolom {column}: program, komponen dan tahun sama dengan baris {other} (satu pagu per komponen dan tahun).", "blmp.rule.err.duplicate"),
    "blmp.termins.hint": QT_TRANSLATE_NOOP("dtpl", "Tahapan pencairan BLM: persentase BLM total tiap termin dan tonggak kemajuan yang mencairkannya. Jumlah persentase harus 100 %. Jumlah rupiah dihitung dari BLM total (dibulatkan); termin terakhir menerima sisa pembulatan. Kolom jumlah tertulis boleh kosong.", "blmp.termins.hint"),
    "blmp.termin.col.percent": QT_TRANSLATE_NOOP("dtpl", "Persen", "blmp.termin.col.percent"),
    "blmp.termin.col.milestone": QT_TRANSLATE_NOOP("dtpl", "Tonggak kemajuan (syarat pencairan)", "blmp.termin.col.milestone"),
    "blmp.termin.col.stated": QT_TRANSLATE_NOOP("dtpl", "Jumlah tertulis (Rp)", "blmp.termin.col.stated"),
    "blmp.termin.col.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah dari BLM", "blmp.termin.col.amount"),
    "blmp.termins.sum": QT_TRANSLATE_NOOP("dtpl", "Jumlah persentase: {percent} % {mark} · BLM total Rp {blm}", "blmp.termins.sum"),
    "blmp.termins.not_100": QT_TRANSLATE_NOOP("dtpl", "(harus 100 %)", "blmp.termins.not_100"),
    "blmp.termins.add": QT_TRANSLATE_NOOP("dtpl", "Tambah termin", "blmp.termins.add"),
    "blmp.termins.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus termin", "blmp.termins.remove"),
    "blmp.termin.err.blank": QT_TRANSLATE_NOOP("dtpl", "Termin baris {row}, kolom {column}: persentase kosong.", "blmp.termin.err.blank"),
    "blmp.termin.err.number": QT_TRANSLATE_NOOP("dtpl", "Termin baris {row}, kolom {column}: \"{text}\" bukan angka.", "blmp.termin.err.number"),
    "blmp.termin.err.range": QT_TRANSLATE_NOOP("dtpl", "Termin baris {row}, kolom {column}: {text} harus lebih dari 0 dan paling banyak 100.", "blmp.termin.err.range"),
    "blmp.termin.err.negative": QT_TRANSLATE_NOOP("dtpl", "Termin baris {row}, kolom {column}: {text} tidak boleh negatif.", "blmp.termin.err.negative"),
    "blmp.swadaya.hint": QT_TRANSLATE_NOOP("dtpl", "Minimum bagian swadaya (tunai dan natura) dari total biaya program. Tidak ada minimum PLP-BK yang terverifikasi: isi hanya bila ada kesepakatan atau aturan, dan tulis sumbernya.", "blmp.swadaya.hint"),
    "blmp.swadaya.on": QT_TRANSLATE_NOOP("dtpl", "Tetapkan minimum swadaya", "blmp.swadaya.on"),
    "blmp.swadaya.share": QT_TRANSLATE_NOOP("dtpl", "Minimum", "blmp.swadaya.share"),
    "blmp.swadaya.of_cost": QT_TRANSLATE_NOOP("dtpl", "% dari total biaya program", "blmp.swadaya.of_cost"),
    "blmp.swadaya.source": QT_TRANSLATE_NOOP("dtpl", "Sumber", "blmp.swadaya.source"),
    "blmp.swadaya.source_hint": QT_TRANSLATE_NOOP("dtpl", "misalnya: kesepakatan rembug warga BKM, 12 Maret 2024", "blmp.swadaya.source_hint"),
    "blmp.swadaya.now": QT_TRANSLATE_NOOP("dtpl", "Swadaya saat ini: Rp {amount} = {share} dari total biaya Rp {cost}.", "blmp.swadaya.now"),
    "blmp.swadaya.err.number": QT_TRANSLATE_NOOP("dtpl", "{field}: \"{text}\" bukan angka. Tulis misalnya 20 atau 12,5.", "blmp.swadaya.err.number"),
    "blmp.swadaya.err.range": QT_TRANSLATE_NOOP("dtpl", "{field}: {text} di luar 0–100 %.", "blmp.swadaya.err.range"),
    "blmp.cat.hint": QT_TRANSLATE_NOOP("dtpl", "Komponen perencanaan PLP-BK terdiri atas empat kategori; pilih kategori tiap divisi paket perencanaan (divisi di bawahnya ikut). Pada paket fisik sebuah divisi dapat ditandai sebagai penyiapan DED.", "blmp.cat.hint"),
    "blmp.cat.col.package": QT_TRANSLATE_NOOP("dtpl", "Paket", "blmp.cat.col.package"),
    "blmp.cat.col.division": QT_TRANSLATE_NOOP("dtpl", "Divisi", "blmp.cat.col.division"),
    "blmp.cat.col.kind": QT_TRANSLATE_NOOP("dtpl", "Kategori", "blmp.cat.col.kind"),
    "blmp.cat.totals": QT_TRANSLATE_NOOP("dtpl", "Jumlah per kategori:", "blmp.cat.totals"),
    "blmp.kind.none": QT_TRANSLATE_NOOP("dtpl", "Belum dikategorikan / ikut divisi di atas", "blmp.kind.none"),
    "blmp.kind.tenaga-ahli": QT_TRANSLATE_NOOP("dtpl", "Tenaga ahli pendamping", "blmp.kind.tenaga-ahli"),
    "blmp.kind.pengembangan-kapasitas": QT_TRANSLATE_NOOP("dtpl", "Pengembangan kapasitas", "blmp.kind.pengembangan-kapasitas"),
    "blmp.kind.perencanaan-partisipatif": QT_TRANSLATE_NOOP("dtpl", "Proses perencanaan partisipatif", "blmp.kind.perencanaan-partisipatif"),
    "blmp.kind.pemasaran": QT_TRANSLATE_NOOP("dtpl", "Pemasaran hasil perencanaan", "blmp.kind.pemasaran"),
    "blmp.kind.ded": QT_TRANSLATE_NOOP("dtpl", "Penyiapan DED", "blmp.kind.ded"),
    "cmd.blm_rules": QT_TRANSLATE_NOOP("dtpl", "Ubah aturan pagu BLM", "cmd.blm_rules"),
    "cmd.blm_rule_add": QT_TRANSLATE_NOOP("dtpl", "Tambah aturan pagu", "cmd.blm_rule_add"),
    "cmd.blm_rule_remove": QT_TRANSLATE_NOOP("dtpl", "Hapus aturan pagu baris {row}", "cmd.blm_rule_remove"),
    "cmd.blm_rules_reset": QT_TRANSLATE_NOOP("dtpl", "Kembalikan aturan pagu PLP-BK", "cmd.blm_rules_reset"),
    "cmd.blm_termins": QT_TRANSLATE_NOOP("dtpl", "Ubah rencana termin", "cmd.blm_termins"),
    "cmd.blm_termin_add": QT_TRANSLATE_NOOP("dtpl", "Tambah termin", "cmd.blm_termin_add"),
    "cmd.blm_termin_remove": QT_TRANSLATE_NOOP("dtpl", "Hapus termin {row}", "cmd.blm_termin_remove"),
    "cmd.blm_swadaya": QT_TRANSLATE_NOOP("dtpl", "Ubah minimum swadaya", "cmd.blm_swadaya"),
    "cmd.blm_kind": QT_TRANSLATE_NOOP("dtpl", "Kategori divisi {division}", "cmd.blm_kind"),
    "col.funding": QT_TRANSLATE_NOOP("dtpl", "Sumber dana", "col.funding"),
    "rab.funding_tip": QT_TRANSLATE_NOOP("dtpl", "Klik dua kali untuk mengatur sumber dana item", "rab.funding_tip"),
    "rab.funding_inherited": QT_TRANSLATE_NOOP("dtpl", "ikut divisi: {source}", "rab.funding_inherited"),
    "fund.blm.perencanaan": QT_TRANSLATE_NOOP("dtpl", "BLM perencanaan", "fund.blm.perencanaan"),
    "fund.blm.fisik": QT_TRANSLATE_NOOP("dtpl", "BLM fisik", "fund.blm.fisik"),
})

# -- attachments (issue 9 point 1) ------------------------------------------------------------
ID.update({
    "action.attachments": QT_TRANSLATE_NOOP("dtpl", "&Lampiran (gambar, peta, foto)…", "action.attachments"),
    "att.title": QT_TRANSLATE_NOOP("dtpl", "Lampiran: gambar kerja, peta lokasi, foto dan pindaian", "att.title"),
    "att.add": QT_TRANSLATE_NOOP("dtpl", "&Tambah berkas…", "att.add"),
    "att.replace": QT_TRANSLATE_NOOP("dtpl", "&Ganti berkas…", "att.replace"),
    "att.remove": QT_TRANSLATE_NOOP("dtpl", "&Hapus", "att.remove"),
    "att.up": QT_TRANSLATE_NOOP("dtpl", "Naik", "att.up"),
    "att.down": QT_TRANSLATE_NOOP("dtpl", "Turun", "att.down"),
    "att.close": QT_TRANSLATE_NOOP("dtpl", "Tutup", "att.close"),
    "att.kind": QT_TRANSLATE_NOOP("dtpl", "Jenis", "att.kind"),
    "att.kind.gambar": QT_TRANSLATE_NOOP("dtpl", "Gambar kerja", "att.kind.gambar"),
    "att.kind.peta": QT_TRANSLATE_NOOP("dtpl", "Peta lokasi / site plan", "att.kind.peta"),
    "att.kind.foto": QT_TRANSLATE_NOOP("dtpl", "Foto kondisi 0 %", "att.kind.foto"),
    "att.kind.scan": QT_TRANSLATE_NOOP("dtpl", "Pindaian (berita acara, daftar hadir, surat)", "att.kind.scan"),
    "att.field.title": QT_TRANSLATE_NOOP("dtpl", "Judul", "att.field.title"),
    "att.field.sheet": QT_TRANSLATE_NOOP("dtpl", "Nomor lembar", "att.field.sheet"),
    "att.field.scale": QT_TRANSLATE_NOOP("dtpl", "Skala", "att.field.scale"),
    "att.field.scope": QT_TRANSLATE_NOOP("dtpl", "Untuk", "att.field.scope"),
    "att.field.note": QT_TRANSLATE_NOOP("dtpl", "Keterangan", "att.field.note"),
    "att.scope.program": QT_TRANSLATE_NOOP("dtpl", "Seluruh program", "att.scope.program"),
    "att.scope.package": QT_TRANSLATE_NOOP("dtpl", "Paket {n}: {name}", "att.scope.package"),
    "att.file": QT_TRANSLATE_NOOP("dtpl", "Berkas: {name} · {size} · SHA-256 {hash}…", "att.file"),
    "att.pdf_pages": QT_TRANSLATE_NOOP("dtpl", "PDF\n{pages} halaman", "att.pdf_pages"),
    "att.no_preview": QT_TRANSLATE_NOOP("dtpl", "Pratinjau halaman PDF tidak tersedia di sini (modul QtPdf tidak terpasang); PDF digabungkan utuh ke dokumen saat dicetak.", "att.no_preview"),
    "att.empty": QT_TRANSLATE_NOOP("dtpl", "Belum ada lampiran. Tambahkan gambar kerja, peta lokasi, foto kondisi 0 % dan berkas pindaian; semuanya disimpan di dalam berkas proyek.", "att.empty"),
    "att.filter": QT_TRANSLATE_NOOP("dtpl", "Gambar dan PDF (*.pdf *.png *.jpg *.jpeg)", "att.filter"),
    "att.choose": QT_TRANSLATE_NOOP("dtpl", "Pilih berkas lampiran", "att.choose"),
    "att.refused": QT_TRANSLATE_NOOP("dtpl", "Berkas tidak dilampirkan", "att.refused"),
    "att.row": QT_TRANSLATE_NOOP("dtpl", "{n}. {kind} · {label}", "att.row"),
    "cmd.att.add": QT_TRANSLATE_NOOP("dtpl", "Tambah lampiran '{title}'", "cmd.att.add"),
    "cmd.att.replace": QT_TRANSLATE_NOOP("dtpl", "Ganti berkas lampiran '{title}'", "cmd.att.replace"),
    "cmd.att.remove": QT_TRANSLATE_NOOP("dtpl", "Hapus lampiran '{title}'", "cmd.att.remove"),
    "cmd.att.move": QT_TRANSLATE_NOOP("dtpl", "Pindahkan lampiran '{title}'", "cmd.att.move"),
    "cmd.att.edit": QT_TRANSLATE_NOOP("dtpl", "Ubah lampiran '{title}'", "cmd.att.edit"),
    "set.attachment_max_mb": QT_TRANSLATE_NOOP("dtpl", "Ukuran maksimum per lampiran (MB)", "set.attachment_max_mb"),
})

# -- specifications (issue 9 point 2) ---------------------------------------------------------
ID.update({
    "action.specs": QT_TRANSLATE_NOOP("dtpl", "&Spesifikasi teknis (RKS)…", "action.specs"),
    "spec.title": QT_TRANSLATE_NOOP("dtpl", "Spesifikasi teknis (RKS)", "spec.title"),
    "spec.tab.text": QT_TRANSLATE_NOOP("dtpl", "Teks spesifikasi", "spec.tab.text"),
    "spec.tab.items": QT_TRANSLATE_NOOP("dtpl", "Spesifikasi per item", "spec.tab.items"),
    "spec.field.title": QT_TRANSLATE_NOOP("dtpl", "Judul", "spec.field.title"),
    "spec.field.keywords": QT_TRANSLATE_NOOP("dtpl", "Kata kunci", "spec.field.keywords"),
    "spec.origin.template": QT_TRANSLATE_NOOP("dtpl", "Teks templat bawaan ({key}); simpan untuk membuat teks proyek ini.", "spec.origin.template"),
    "spec.origin.project": QT_TRANSLATE_NOOP("dtpl", "Teks milik proyek ini ({key}); templat bawaan tidak dipakai.", "spec.origin.project"),
    "spec.save": QT_TRANSLATE_NOOP("dtpl", "Simpan teks untuk proyek ini", "spec.save"),
    "spec.reset": QT_TRANSLATE_NOOP("dtpl", "Kembalikan ke teks templat", "spec.reset"),
    "spec.col.no": QT_TRANSLATE_NOOP("dtpl", "No", "spec.col.no"),
    "spec.col.item": QT_TRANSLATE_NOOP("dtpl", "Uraian pekerjaan", "spec.col.item"),
    "spec.col.specs": QT_TRANSLATE_NOOP("dtpl", "Spesifikasi", "spec.col.specs"),
    "spec.col.why": QT_TRANSLATE_NOOP("dtpl", "Dasar", "spec.col.why"),
    "spec.why.item": QT_TRANSLATE_NOOP("dtpl", "dipilih untuk item", "spec.why.item"),
    "spec.why.section": QT_TRANSLATE_NOOP("dtpl", "ikut bagian", "spec.why.section"),
    "spec.why.auto": QT_TRANSLATE_NOOP("dtpl", "otomatis (kata kunci)", "spec.why.auto"),
    "spec.choose": QT_TRANSLATE_NOOP("dtpl", "Spesifikasi untuk item terpilih:", "spec.choose"),
    "spec.apply": QT_TRANSLATE_NOOP("dtpl", "Terapkan pilihan", "spec.apply"),
    "spec.auto": QT_TRANSLATE_NOOP("dtpl", "Kembali ke pilihan otomatis", "spec.auto"),
    "spec.mark.project": QT_TRANSLATE_NOOP("dtpl", "teks proyek", "spec.mark.project"),
    "spec.mark.used": QT_TRANSLATE_NOOP("dtpl", "dipakai {n} item", "spec.mark.used"),
    "cmd.spec.text": QT_TRANSLATE_NOOP("dtpl", "Ubah teks spesifikasi '{title}'", "cmd.spec.text"),
    "cmd.spec.reset": QT_TRANSLATE_NOOP("dtpl", "Kembalikan spesifikasi '{title}' ke templat", "cmd.spec.reset"),
    "cmd.spec.links": QT_TRANSLATE_NOOP("dtpl", "Pilih spesifikasi item {item}", "cmd.spec.links"),
})

# -- jadwal pelaksanaan & kurva S (issue 9 point 4) ------------------------------------------
ID.update({
    "action.jadwal": QT_TRANSLATE_NOOP("dtpl", "&Jadwal pelaksanaan dan kurva S…", "action.jadwal"),
    "jadwal.title": QT_TRANSLATE_NOOP("dtpl", "Jadwal pelaksanaan dan kurva S", "jadwal.title"),
    "jadwal.package": QT_TRANSLATE_NOOP("dtpl", "Paket:", "jadwal.package"),
    "jadwal.crew": QT_TRANSLATE_NOOP("dtpl", "Pekerja per hari:", "jadwal.crew"),
    "jadwal.days": QT_TRANSLATE_NOOP("dtpl", "Hari kerja per minggu:", "jadwal.days"),
    "jadwal.crew_tip": QT_TRANSLATE_NOOP("dtpl", "Asumsi untuk durasi bawaan: durasi = HOK item ÷ (pekerja per hari × hari kerja per minggu), dibulatkan ke atas", "jadwal.crew_tip"),
    "jadwal.reset": QT_TRANSLATE_NOOP("dtpl", "Kembalikan ke jadwal bawaan", "jadwal.reset"),
    "jadwal.col.no": QT_TRANSLATE_NOOP("dtpl", "No", "jadwal.col.no"),
    "jadwal.col.name": QT_TRANSLATE_NOOP("dtpl", "Uraian pekerjaan", "jadwal.col.name"),
    "jadwal.col.bobot": QT_TRANSLATE_NOOP("dtpl", "Bobot (%)", "jadwal.col.bobot"),
    "jadwal.col.start": QT_TRANSLATE_NOOP("dtpl", "Mulai (minggu ke-)", "jadwal.col.start"),
    "jadwal.col.duration": QT_TRANSLATE_NOOP("dtpl", "Durasi (minggu)", "jadwal.col.duration"),
    "jadwal.row.weekly": QT_TRANSLATE_NOOP("dtpl", "Rencana per minggu (%)", "jadwal.row.weekly"),
    "jadwal.row.cumulative": QT_TRANSLATE_NOOP("dtpl", "Kumulatif rencana (%) — kurva S", "jadwal.row.cumulative"),
    "jadwal.summary": QT_TRANSLATE_NOOP("dtpl", "{weeks} minggu · jumlah bobot {bobot} % · durasi bawaan dari HOK dengan {crew} pekerja × {days} hari per minggu · bawaan ditulis miring", "jadwal.summary"),
    "jadwal.empty": QT_TRANSLATE_NOOP("dtpl", "Paket ini belum memuat item RAB.", "jadwal.empty"),
    "jadwal.tip.item": QT_TRANSLATE_NOOP("dtpl", "HOK {hok} OH → durasi bawaan {weeks} minggu; mulai bawaan minggu ke-{start}. Kosongkan sel untuk kembali ke bawaan.", "jadwal.tip.item"),
    "jadwal.tip.no_hok": QT_TRANSLATE_NOOP("dtpl", "Tanpa analisa (tanpa HOK): durasi bawaan 1 minggu; mulai bawaan minggu ke-{start}. Kosongkan sel untuk kembali ke bawaan.", "jadwal.tip.no_hok"),
    "jadwal.tip.week": QT_TRANSLATE_NOOP("dtpl", "Minggu ke-{week}: {value} % dari paket", "jadwal.tip.week"),
    "jadwal.bad_number": QT_TRANSLATE_NOOP("dtpl", "Tulis bilangan bulat minggu (1 atau lebih); kosongkan untuk kembali ke bawaan", "jadwal.bad_number"),
    "jadwal.remainder": QT_TRANSLATE_NOOP("dtpl", "Sisa pembulatan bobot {value} % masuk ke item {item} (jumlah harga terbesar).", "jadwal.remainder"),
    "jadwal.more": QT_TRANSLATE_NOOP("dtpl", "… dan {n} catatan lain", "jadwal.more"),
    "cmd.jadwal": QT_TRANSLATE_NOOP("dtpl", "Ubah jadwal {item}", "cmd.jadwal"),
    "cmd.jadwal_reset": QT_TRANSLATE_NOOP("dtpl", "Kembalikan jadwal bawaan {item}", "cmd.jadwal_reset"),
    "cmd.jadwal_crew": QT_TRANSLATE_NOOP("dtpl", "Ubah regu kerja {item}", "cmd.jadwal_crew"),
})

# -- items: from the book, of one's own, adjusted rates (issue 10 point 2) ----------------------
ID.update({
    "col.origin": QT_TRANSLATE_NOOP("dtpl", "Asal harga", "col.origin"),
    "rab.origin.book": QT_TRANSLATE_NOOP("dtpl", "Analisa {code} — {book}", "rab.origin.book"),
    "rab.origin.name": QT_TRANSLATE_NOOP("dtpl", "{name}", "rab.origin.name"),
    "rab.origin.custom": QT_TRANSLATE_NOOP("dtpl", "Harga khusus: {reason}", "rab.origin.custom"),
    "rab.origin.lump": QT_TRANSLATE_NOOP("dtpl", "Lump sum khusus: {reason}", "rab.origin.lump"),
    "rab.origin.source": QT_TRANSLATE_NOOP("dtpl", "Sumber harga: {source}", "rab.origin.source"),
    "rab.origin.no_source": QT_TRANSLATE_NOOP("dtpl", "Sumber harga belum ditulis", "rab.origin.no_source"),
    "rab.origin.override": QT_TRANSLATE_NOOP("dtpl", "Harga satuan disesuaikan {old} → {new}: {reason}", "rab.origin.override"),
    "rab.origin.none": QT_TRANSLATE_NOOP("dtpl", "Belum ada harga: ketik kode atau kata analisa di kolom Uraian, atau pakai Item sendiri…", "rab.origin.none"),
    "rab.origin.no_reason": QT_TRANSLATE_NOOP("dtpl", "tanpa alasan", "rab.origin.no_reason"),
    "rab.origin.custom_short": QT_TRANSLATE_NOOP("dtpl", "khusus", "rab.origin.custom_short"),
    "rab.origin.lump_short": QT_TRANSLATE_NOOP("dtpl", "ls khusus", "rab.origin.lump_short"),
    "rab.origin.hint": QT_TRANSLATE_NOOP("dtpl", "Klik dua kali: Ubah harga satuan…; klik kanan: Hapus penyesuaian harga", "rab.origin.hint"),
    "action.add_typed_item": QT_TRANSLATE_NOOP("dtpl", "Tambah item dari buku harga (ketik kode/uraian)", "action.add_typed_item"),
    "action.custom_item": QT_TRANSLATE_NOOP("dtpl", "Item sendiri (harga sendiri atau lump sum)…", "action.custom_item"),
    "action.override": QT_TRANSLATE_NOOP("dtpl", "Ubah harga satuan…", "action.override"),
    "action.clear_override": QT_TRANSLATE_NOOP("dtpl", "Hapus penyesuaian harga", "action.clear_override"),
    "cmd.add_empty_item": QT_TRANSLATE_NOOP("dtpl", "Tambah item baru", "cmd.add_empty_item"),
    "cmd.choose_analysis": QT_TRANSLATE_NOOP("dtpl", "Pakai analisa {code} untuk {item}", "cmd.choose_analysis"),
    "cmd.custom_item": QT_TRANSLATE_NOOP("dtpl", "Tambah item sendiri {item}", "cmd.custom_item"),
    "cmd.edit_custom": QT_TRANSLATE_NOOP("dtpl", "Ubah harga khusus {item}", "cmd.edit_custom"),
    "cmd.override": QT_TRANSLATE_NOOP("dtpl", "Ubah harga satuan {item}", "cmd.override"),
    "cmd.clear_override": QT_TRANSLATE_NOOP("dtpl", "Hapus penyesuaian harga {item}", "cmd.clear_override"),
    "items.no_item": QT_TRANSLATE_NOOP("dtpl", "Pilih sebuah item pada RAB lebih dulu", "items.no_item"),
    "items.no_override": QT_TRANSLATE_NOOP("dtpl", "Harga satuan item ini tidak disesuaikan", "items.no_override"),
    "items.no_section": QT_TRANSLATE_NOOP("dtpl", "Paket belum memiliki divisi: tambahkan bagian lebih dulu (Struktur › Tambah bagian)", "items.no_section"),
    "items.cannot": QT_TRANSLATE_NOOP("dtpl", "Tidak dapat diubah: {reason}", "items.cannot"),
    "items.chosen": QT_TRANSLATE_NOOP("dtpl", "{code} dipakai untuk item {number}", "items.chosen"),
    "items.hit.pinned": QT_TRANSLATE_NOOP("dtpl", "buku paket", "items.hit.pinned"),
    "items.hit.library": QT_TRANSLATE_NOOP("dtpl", "katalog", "items.hit.library"),
    "items.hit.tip": QT_TRANSLATE_NOOP("dtpl", "{code} · {name} ({unit})\nDari: {book}", "items.hit.tip"),
    "items.uraian_tip": QT_TRANSLATE_NOOP("dtpl", "Ketik kode atau kata analisa: daftar dari buku harga paket dan katalog; Enter memilih", "items.uraian_tip"),
    "custom.title": QT_TRANSLATE_NOOP("dtpl", "Item sendiri (harga khusus)", "custom.title"),
    "custom.edit_title": QT_TRANSLATE_NOOP("dtpl", "Ubah harga khusus", "custom.edit_title"),
    "custom.intro": QT_TRANSLATE_NOOP("dtpl", "Untuk pekerjaan tanpa analisa di buku harga. Alasan dan sumber harga wajib diisi; keduanya dicetak di bawah uraian pada RAB.", "custom.intro"),
    "custom.description": QT_TRANSLATE_NOOP("dtpl", "Uraian pekerjaan:", "custom.description"),
    "custom.kind": QT_TRANSLATE_NOOP("dtpl", "Cara harga:", "custom.kind"),
    "custom.kind.rate": QT_TRANSLATE_NOOP("dtpl", "Harga satuan × volume", "custom.kind.rate"),
    "custom.kind.lump": QT_TRANSLATE_NOOP("dtpl", "Lump sum (1 ls)", "custom.kind.lump"),
    "custom.unit": QT_TRANSLATE_NOOP("dtpl", "Satuan:", "custom.unit"),
    "custom.rate": QT_TRANSLATE_NOOP("dtpl", "Harga satuan (Rp):", "custom.rate"),
    "custom.amount": QT_TRANSLATE_NOOP("dtpl", "Jumlah lump sum (Rp):", "custom.amount"),
    "custom.volume": QT_TRANSLATE_NOOP("dtpl", "Volume:", "custom.volume"),
    "custom.volume_measured": QT_TRANSLATE_NOOP("dtpl", "dari baris back-up", "custom.volume_measured"),
    "custom.reason": QT_TRANSLATE_NOOP("dtpl", "Alasan:", "custom.reason"),
    "custom.reason_hint": QT_TRANSLATE_NOOP("dtpl", "mengapa tidak memakai analisa buku harga", "custom.reason_hint"),
    "custom.source": QT_TRANSLATE_NOOP("dtpl", "Sumber harga:", "custom.source"),
    "custom.source_hint": QT_TRANSLATE_NOOP("dtpl", "mis. survei 3 toko, penawaran CV …, SBU Kab. …", "custom.source_hint"),
    "custom.need_description": QT_TRANSLATE_NOOP("dtpl", "Uraian pekerjaan wajib diisi.", "custom.need_description"),
    "custom.need_unit": QT_TRANSLATE_NOOP("dtpl", "Satuan wajib diisi.", "custom.need_unit"),
    "custom.bad_unit": QT_TRANSLATE_NOOP("dtpl", "Satuan '{unit}' tidak dikenal. Tulis misalnya m, m2, m3, m', bh, titik, unit, OH, ls.", "custom.bad_unit"),
    "custom.need_rate": QT_TRANSLATE_NOOP("dtpl", "Harga wajib diisi.", "custom.need_rate"),
    "custom.bad_rate": QT_TRANSLATE_NOOP("dtpl", "Harga tidak dapat dibaca: {reason}", "custom.bad_rate"),
    "custom.bad_volume": QT_TRANSLATE_NOOP("dtpl", "Volume tidak dapat dibaca: {reason}", "custom.bad_volume"),
    "custom.need_reason": QT_TRANSLATE_NOOP("dtpl", "Alasan wajib diisi: mengapa item ini tidak memakai analisa buku harga.", "custom.need_reason"),
    "custom.need_source": QT_TRANSLATE_NOOP("dtpl", "Sumber harga wajib diisi (mis. 'survei 3 toko').", "custom.need_source"),
    "override.title": QT_TRANSLATE_NOOP("dtpl", "Ubah harga satuan", "override.title"),
    "override.item": QT_TRANSLATE_NOOP("dtpl", "Item {number}: {item}", "override.item"),
    "override.base": QT_TRANSLATE_NOOP("dtpl", "Harga semula:", "override.base"),
    "override.base_text": QT_TRANSLATE_NOOP("dtpl", "Rp {rate} per {unit} ({origin})", "override.base_text"),
    "override.rate": QT_TRANSLATE_NOOP("dtpl", "Harga satuan baru (Rp):", "override.rate"),
    "override.reason": QT_TRANSLATE_NOOP("dtpl", "Alasan:", "override.reason"),
    "override.reason_hint": QT_TRANSLATE_NOOP("dtpl", "mis. harga upah setempat lebih rendah (survei faskel)", "override.reason_hint"),
    "override.note": QT_TRANSLATE_NOOP("dtpl", "Harga semula, harga baru dan alasannya dicetak di bawah uraian pada RAB.", "override.note"),
    "override.need_reason": QT_TRANSLATE_NOOP("dtpl", "Alasan penyesuaian harga wajib diisi.", "override.need_reason"),
})

# cut/copy/paste and drag and drop in the RAB tree (issue 10 points 1 and 9)
ID.update({
    "action.cut": QT_TRANSLATE_NOOP("dtpl", "&Potong", "action.cut"),
    "action.copy": QT_TRANSLATE_NOOP("dtpl", "&Salin", "action.copy"),
    "action.paste": QT_TRANSLATE_NOOP("dtpl", "&Tempel", "action.paste"),
    "cmd.cut": QT_TRANSLATE_NOOP("dtpl", "Potong {item}", "cmd.cut"),
    "cmd.paste": QT_TRANSLATE_NOOP("dtpl", "Tempel {item}", "cmd.paste"),
    "cmd.paste_rows": QT_TRANSLATE_NOOP("dtpl", "Tempel {count} baris dari lembar kerja", "cmd.paste_rows"),
    "cmd.drag_copy": QT_TRANSLATE_NOOP("dtpl", "Salin (seret) {item}", "cmd.drag_copy"),
    "clip.copied": QT_TRANSLATE_NOOP("dtpl", "Disalin: {item}. Tempel dengan Ctrl+V di RAB, atau di lembar kerja sebagai baris.", "clip.copied"),
    "clip.empty": QT_TRANSLATE_NOOP("dtpl", "Papan klip kosong: salin bagian/item RAB atau baris lembar kerja dulu.", "clip.empty"),
    "clip.no_section": QT_TRANSLATE_NOOP("dtpl", "Paket ini belum punya bagian: tambah bagian dulu (Struktur › Tambah bagian).", "clip.no_section"),
    "clip.cancelled": QT_TRANSLATE_NOOP("dtpl", "Tempel dibatalkan: tidak ada yang diubah.", "clip.cancelled"),
    "clip.nothing_read": QT_TRANSLATE_NOOP("dtpl", "Tidak ada baris yang dapat ditempel.", "clip.nothing_read"),
    "clip.drop_self": QT_TRANSLATE_NOOP("dtpl", "Bagian tidak dapat diletakkan di dalam dirinya sendiri.", "clip.drop_self"),
    "clip.items_n": QT_TRANSLATE_NOOP("dtpl", "{sections} bagian dengan {items} item", "clip.items_n"),
    "clip.items": QT_TRANSLATE_NOOP("dtpl", "{items} item", "clip.items"),
    "dlg.paste.title": QT_TRANSLATE_NOOP("dtpl", "Periksa sebelum menempel", "dlg.paste.title"),
    "dlg.paste.rows_intro": QT_TRANSLATE_NOOP("dtpl", "Dari {rows} baris tempelan akan dibuat {what} di {where}. Beberapa sel tidak dapat dibaca apa adanya; tidak ada baris yang dibuang: periksa dan perbaiki setelah menempel.", "dlg.paste.rows_intro"),
    "dlg.paste.clip_intro": QT_TRANSLATE_NOOP("dtpl", "{what} dari paket {source} akan ditempel di {where}. Harga satuan paket tujuan tidak diubah; perhatikan hal berikut:", "dlg.paste.clip_intro"),
    "dlg.paste.col.severity": QT_TRANSLATE_NOOP("dtpl", "Tingkat", "dlg.paste.col.severity"),
    "dlg.paste.col.row": QT_TRANSLATE_NOOP("dtpl", "Baris", "dlg.paste.col.row"),
    "dlg.paste.col.column": QT_TRANSLATE_NOOP("dtpl", "Kolom", "dlg.paste.col.column"),
    "dlg.paste.col.code": QT_TRANSLATE_NOOP("dtpl", "Kode analisa", "dlg.paste.col.code"),
    "dlg.paste.col.raw": QT_TRANSLATE_NOOP("dtpl", "Isi sel", "dlg.paste.col.raw"),
    "dlg.paste.col.message": QT_TRANSLATE_NOOP("dtpl", "Keterangan", "dlg.paste.col.message"),
    "dlg.paste.apply": QT_TRANSLATE_NOOP("dtpl", "Tempel", "dlg.paste.apply"),
})

#: failure words (:mod:`dtpl_studio.ui.error_strings`, one key per error code) merged into
#: the catalogue; their English is still a dict there, not yet in the .ts files (see tr()).
_ERROR_EN: dict[str, str] = {}


def _merge_error_words() -> None:
    """The failure words live in :mod:`dtpl_studio.ui.error_strings` (one key per code)."""
    from dtpl_studio.ui import error_strings

    ID.update(error_strings.ID)
    _ERROR_EN.update(error_strings.EN)


_merge_error_words()


def i18n_dir() -> Path:
    """The folder with the ``.ts`` sources and the compiled ``.qm`` files (package data)."""
    return Path(str(resources.files("dtpl_studio") / "i18n"))


def read_ts(path: Path) -> dict[str, str]:
    """The finished translations of a ``.ts`` file, by key (the disambiguation); unfinished,
    vanished and obsolete entries are left out. Raises OSError / ElementTree.ParseError."""
    from xml.etree import ElementTree

    found: dict[str, str] = {}
    for message in ElementTree.parse(path).getroot().iter("message"):
        key = message.findtext("comment")
        translation = message.find("translation")
        if key is None or translation is None or translation.get("type") in (
                "unfinished", "vanished", "obsolete") or not (translation.text or ""):
            continue
        found[key] = translation.text
    return found


class _Catalogues(dict):
    """language code → {key: text}: ``"id"`` is :data:`ID`; others are read from their ``.ts``
    on first use (for tests and tools; the window itself uses the compiled ``.qm``)."""

    def __missing__(self, code: str) -> dict[str, str]:
        if code not in LANGUAGES:
            raise KeyError(code)
        self[code] = {**(_ERROR_EN if code == "en" else {}),
                      **read_ts(i18n_dir() / f"dtpl_studio_{code}.ts")}
        return self[code]

    def items(self):  # every language, loaded
        return [(code, self[code]) for code in LANGUAGES]


#: language code → catalogue. ``id`` is the default and the reference for the keys.
CATALOGUES: dict[str, dict[str, str]] = _Catalogues(id=ID)

_language = "id"
_translator = None  # the QTranslator of the current language (None for the source language)


def _load_translator(code: str):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    qm = i18n_dir() / f"dtpl_studio_{code}.qm"
    if not translator.load(str(qm)):
        log.warning("no compiled translation %s (run make i18n); texts stay Indonesian", qm)
        return None
    return translator


def set_language(code: str) -> None:
    """Switch the GUI language for widgets built afterwards (``"id"`` or ``"en"``); also
    installs Qt's own translations for standard buttons and dialogs when a QApplication exists
    (:func:`install_qt_translations`).

    Raises:
        KeyError: ``code`` is not in :data:`LANGUAGES`.
    """
    global _language, _translator
    if code not in LANGUAGES:
        raise KeyError(f"no GUI strings for language {code!r}")
    _translator = None if code == "id" else _load_translator(code)
    _language = code
    install_qt_translations(code)


_qt_translators: list = []


def install_qt_translations(code: str) -> list[str]:
    """Install Qt's own translations (standard buttons Save/Discard/Cancel, the file dialog,
    text context menus) for ``code`` on the running QApplication; returns the files loaded.

    Qt ships no ``qtbase_id``: Indonesian comes from the project's ``qtbase_id.ts`` (the Qt
    texts the app shows). Other languages use ``qtbase_<code>.qm`` from PySide6 when present.
    Without a QApplication nothing is installed.
    """
    from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

    app = QCoreApplication.instance()
    if app is None:
        return []
    for old in _qt_translators:
        app.removeTranslator(old)
    _qt_translators.clear()
    loaded = []
    candidates = [i18n_dir() / f"qtbase_{code}.qm",
                  Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)) / f"qtbase_{code}.qm"]
    for qm in candidates:
        translator = QTranslator(app)
        if qm.is_file() and translator.load(str(qm)):
            app.installTranslator(translator)
            _qt_translators.append(translator)
            loaded.append(str(qm))
            break
    return loaded


def language() -> str:
    """The current GUI language code."""
    return _language


def tr(key: str, /, **fields: object) -> str:
    """The text for ``key`` in the current language, with ``fields`` filled in.

    The Indonesian source text when the language is Indonesian or the translation lacks the
    key; an unknown key raises ``KeyError`` (a programming error, caught by the tests).
    """
    text = ID[key]
    if _translator is not None:
        text = _translator.translate(CONTEXT, text, key) or _ERROR_EN.get(key) or text
    return text.format(**fields) if fields else text


if os.environ.get("DTPL_STUDIO_LANG") in LANGUAGES:  # e.g. screenshots, tests of a language
    set_language(os.environ["DTPL_STUDIO_LANG"])
