<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>dtpl</name>
    <message>
        <source>DTPL Studio</source>
        <comment>app.name</comment>
        <translation>DTPL Studio</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <comment>menu.file</comment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Sunting</source>
        <comment>menu.edit</comment>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Tampilan</source>
        <comment>menu.view</comment>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ban&amp;tuan</source>
        <comment>menu.help</comment>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Buka &amp;terakhir</source>
        <comment>menu.recent</comment>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <comment>menu.recent.empty</comment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>&amp;Buka…</source>
        <comment>action.open</comment>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Proyek &amp;baru…</source>
        <comment>action.new_project</comment>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>Proyek baru: simpan sebagai</source>
        <comment>dlg.new_project.title</comment>
        <translation>New project: save as</translation>
    </message>
    <message>
        <source>Proyek baru dibuat: {path}. Isi kelurahan, kota, tahun anggaran dan penandatangan di Berkas → Pengaturan proyek…</source>
        <comment>status.created</comment>
        <translation>New project created: {path}. Fill in the kelurahan, city, fiscal year and signatories under File → Project settings…</translation>
    </message>
    <message>
        <source>Paket fisik</source>
        <comment>new.package.fisik</comment>
        <translation>Physical package</translation>
    </message>
    <message>
        <source>&amp;Simpan</source>
        <comment>action.save</comment>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Simpan s&amp;ebagai…</source>
        <comment>action.save_as</comment>
        <translation>Save &amp;as…</translation>
    </message>
    <message>
        <source>Ekspor &amp;PDF…</source>
        <comment>action.export_pdf</comment>
        <translation>Export &amp;PDF…</translation>
    </message>
    <message>
        <source>Ekspor &amp;xlsx (RAB dengan rumus)…</source>
        <comment>action.export_xlsx</comment>
        <translation>Export &amp;xlsx (RAB with formulas)…</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <comment>action.quit</comment>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Urungkan</source>
        <comment>action.undo</comment>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>U&amp;langi</source>
        <comment>action.redo</comment>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Hapus item</source>
        <comment>action.remove_item</comment>
        <translation>&amp;Delete item</translation>
    </message>
    <message>
        <source>Tambah baris back-up</source>
        <comment>action.add_line</comment>
        <translation>Add measurement line</translation>
    </message>
    <message>
        <source>&amp;Cari di katalog analisa</source>
        <comment>action.find_catalogue</comment>
        <translation>&amp;Find in the analysis catalogue</translation>
    </message>
    <message>
        <source>Hapus baris back-up</source>
        <comment>action.remove_line</comment>
        <translation>Delete measurement line</translation>
    </message>
    <message>
        <source>&amp;Tentang DTPL Studio</source>
        <comment>action.about</comment>
        <translation>&amp;About DTPL Studio</translation>
    </message>
    <message>
        <source>Urungkan</source>
        <comment>undo.prefix</comment>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Ulangi</source>
        <comment>redo.prefix</comment>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Ubah volume {item}</source>
        <comment>cmd.set_volume</comment>
        <translation>Change volume of {item}</translation>
    </message>
    <message>
        <source>Ubah uraian {item}</source>
        <comment>cmd.set_text</comment>
        <translation>Change description of {item}</translation>
    </message>
    <message>
        <source>Ubah baris back-up {item}</source>
        <comment>cmd.edit_line</comment>
        <translation>Edit measurement line of {item}</translation>
    </message>
    <message>
        <source>Tambah baris back-up {item}</source>
        <comment>cmd.add_line</comment>
        <translation>Add measurement line to {item}</translation>
    </message>
    <message>
        <source>Hapus baris back-up {item}</source>
        <comment>cmd.remove_line</comment>
        <translation>Delete measurement line of {item}</translation>
    </message>
    <message>
        <source>Tambah item {item}</source>
        <comment>cmd.add_item</comment>
        <translation>Add item {item}</translation>
    </message>
    <message>
        <source>Tambah {code} ke RAB</source>
        <comment>cmd.add_item_catalogue</comment>
        <translation>Add {code} to the estimate</translation>
    </message>
    <message>
        <source>Hapus item {item}</source>
        <comment>cmd.remove_item</comment>
        <translation>Delete item {item}</translation>
    </message>
    <message>
        <source>No</source>
        <comment>col.no</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>Uraian Pekerjaan</source>
        <comment>col.uraian</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Volume</source>
        <comment>col.volume</comment>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Satuan</source>
        <comment>col.satuan</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga Satuan
(Rp)</source>
        <comment>col.rate</comment>
        <translation>Unit rate
(Rp)</translation>
    </message>
    <message>
        <source>Jumlah Harga
(Rp)</source>
        <comment>col.amount</comment>
        <translation>Amount
(Rp)</translation>
    </message>
    <message>
        <source>Sub Total {number}: Rp {amount}</source>
        <comment>rab.subtotal_tip</comment>
        <translation>Subtotal {number}: Rp {amount}</translation>
    </message>
    <message>
        <source>Volume dihitung dari {n} baris back-up volume (sunting di panel bawah)</source>
        <comment>rab.measured_tip</comment>
        <translation>Quantity computed from {n} measurement lines (edit in the panel below)</translation>
    </message>
    <message>
        <source>Klik dua kali atau F2 untuk mengubah volume. Angka cara Indonesia: koma untuk desimal (12,5), titik untuk ribuan (1.250)</source>
        <comment>rab.edit_volume_tip</comment>
        <translation>Double-click or F2 to change the quantity. Indonesian numbers: comma for decimals (12,5), dot for thousands (1.250)</translation>
    </message>
    <message>
        <source>galat</source>
        <comment>rab.error</comment>
        <translation>error</translation>
    </message>
    <message>
        <source>Volume tidak diubah: {reason}</source>
        <comment>rab.refused</comment>
        <translation>Quantity not changed: {reason}</translation>
    </message>
    <message>
        <source>Tidak ada paket kegiatan</source>
        <comment>rab.no_package</comment>
        <translation>No work package</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <comment>sum.direct</comment>
        <translation>Direct cost</translation>
    </message>
    <message>
        <source>{label} {rate}</source>
        <comment>sum.ppn</comment>
        <translation>{label} {rate}</translation>
    </message>
    <message>
        <source>Total</source>
        <comment>sum.total</comment>
        <translation>Total</translation>
    </message>
    <message>
        <source>Dibulatkan</source>
        <comment>sum.rounded</comment>
        <translation>Rounded</translation>
    </message>
    <message>
        <source>Terbilang</source>
        <comment>sum.terbilang</comment>
        <translation>In words</translation>
    </message>
    <message>
        <source>Total {rule}</source>
        <comment>sum.rounding_tip</comment>
        <translation>Total {rule}</translation>
    </message>
    <message>
        <source>Paket kegiatan</source>
        <comment>pkg.title</comment>
        <translation>Work packages</translation>
    </message>
    <message>
        <source>{name}
{component} · Rp {amount}</source>
        <comment>pkg.entry</comment>
        <translation>{name}
{component} · Rp {amount}</translation>
    </message>
    <message>
        <source>Perencanaan</source>
        <comment>component.perencanaan</comment>
        <translation>Planning</translation>
    </message>
    <message>
        <source>Fisik</source>
        <comment>component.fisik</comment>
        <translation>Physical</translation>
    </message>
    <message>
        <source>Total program</source>
        <comment>component.total</comment>
        <translation>Programme total</translation>
    </message>
    <message>
        <source>Cek pagu BLM</source>
        <comment>blm.title</comment>
        <translation>BLM ceiling check</translation>
    </message>
    <message>
        <source>Jumlah BLM</source>
        <comment>blm.amount</comment>
        <translation>BLM amount</translation>
    </message>
    <message>
        <source>Pagu</source>
        <comment>blm.ceiling</comment>
        <translation>Ceiling</translation>
    </message>
    <message>
        <source>Sisa</source>
        <comment>blm.remaining</comment>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Lebih</source>
        <comment>blm.over</comment>
        <translation>Over</translation>
    </message>
    <message>
        <source>Sumber aturan: {source}</source>
        <comment>blm.source</comment>
        <translation>Rule source: {source}</translation>
    </message>
    <message>
        <source>Baris {row}: {error}</source>
        <comment>fund.bad_number</comment>
        <translation>Row {row}: {error}</translation>
    </message>
    <message>
        <source>Baris {row}: persen {text} di luar 0–100. Ketik persen antara 0 dan 100; sumber utama menerima sisanya.</source>
        <comment>fund.err.percent</comment>
        <translation>Row {row}: percentage {text} is outside 0–100. Type a percentage from 0 to 100; the main source takes the rest.</translation>
    </message>
    <message>
        <source>Baris {row}: jumlah {text} tidak sah. Ketik rupiah dari 0 sampai 10^15 (tidak negatif).</source>
        <comment>fund.err.amount</comment>
        <translation>Row {row}: amount {text} is not valid. Type rupiah from 0 to 10^15 (not negative).</translation>
    </message>
    <message>
        <source>Bagian persen berjumlah {percent} %, lebih dari 100 %. Kurangi salah satu bagian.</source>
        <comment>fund.err.sum</comment>
        <translation>The percentage shares add up to {percent} %, more than 100 %. Reduce one of them.</translation>
    </message>
    <message>
        <source>Pustaka &amp;harga…</source>
        <comment>action.library</comment>
        <translation>Price &amp;library…</translation>
    </message>
    <message>
        <source>Pustaka harga</source>
        <comment>library.title</comment>
        <translation>Price library</translation>
    </message>
    <message>
        <source>Pustaka harga</source>
        <comment>library.toolbar</comment>
        <translation>Price library</translation>
    </message>
    <message>
        <source>Pustaka harga: {where}</source>
        <comment>library.location</comment>
        <translation>Price library: {where}</translation>
    </message>
    <message>
        <source>#</source>
        <comment>library.col.id</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Wilayah</source>
        <comment>library.col.region</comment>
        <translation>Region</translation>
    </message>
    <message>
        <source>Tahun</source>
        <comment>library.col.year</comment>
        <translation>Year</translation>
    </message>
    <message>
        <source>Edisi</source>
        <comment>library.col.edition</comment>
        <translation>Edition</translation>
    </message>
    <message>
        <source>Jenis</source>
        <comment>library.col.kind</comment>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>library.col.status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Asal</source>
        <comment>library.col.origin</comment>
        <translation>Origin</translation>
    </message>
    <message>
        <source>Harga dasar</source>
        <comment>library.col.resources</comment>
        <translation>Base prices</translation>
    </message>
    <message>
        <source>Analisa</source>
        <comment>library.col.analyses</comment>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Kode</source>
        <comment>library.col.code</comment>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>library.col.name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Satuan</source>
        <comment>library.col.unit</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga (Rp)</source>
        <comment>library.col.price</comment>
        <translation>Price (Rp)</translation>
    </message>
    <message>
        <source>Uraian</source>
        <comment>library.col.description</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Harga satuan F (Rp)</source>
        <comment>library.col.rate</comment>
        <translation>Unit rate F (Rp)</translation>
    </message>
    <message>
        <source>No</source>
        <comment>library.col.no</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>Jenis</source>
        <comment>library.col.line_kind</comment>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Acuan</source>
        <comment>library.col.ref</comment>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Koefisien</source>
        <comment>library.col.coefficient</comment>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <comment>library.col.amount</comment>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Waktu</source>
        <comment>library.col.when</comment>
        <translation>When</translation>
    </message>
    <message>
        <source>Oleh</source>
        <comment>library.col.who</comment>
        <translation>Who</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <comment>library.col.action</comment>
        <translation>Action</translation>
    </message>
    <message>
        <source>Perihal</source>
        <comment>library.col.subject</comment>
        <translation>Subject</translation>
    </message>
    <message>
        <source>Lama</source>
        <comment>library.col.old</comment>
        <translation>Old</translation>
    </message>
    <message>
        <source>Baru</source>
        <comment>library.col.new</comment>
        <translation>New</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <comment>library.col.change_status</comment>
        <translation>Change</translation>
    </message>
    <message>
        <source>Harga lama</source>
        <comment>library.col.old_price</comment>
        <translation>Old price</translation>
    </message>
    <message>
        <source>Harga baru</source>
        <comment>library.col.new_price</comment>
        <translation>New price</translation>
    </message>
    <message>
        <source>F lama</source>
        <comment>library.col.old_rate</comment>
        <translation>Old F</translation>
    </message>
    <message>
        <source>F baru</source>
        <comment>library.col.new_rate</comment>
        <translation>New F</translation>
    </message>
    <message>
        <source>Selisih</source>
        <comment>library.col.difference</comment>
        <translation>Difference</translation>
    </message>
    <message>
        <source>%</source>
        <comment>library.col.pct</comment>
        <translation>%</translation>
    </message>
    <message>
        <source>draf</source>
        <comment>library.status.draft</comment>
        <translation>draft</translation>
    </message>
    <message>
        <source>terbit</source>
        <comment>library.status.published</comment>
        <translation>published</translation>
    </message>
    <message>
        <source>paket bertanda tangan sah</source>
        <comment>library.origin.verified</comment>
        <translation>signed package, verified</translation>
    </message>
    <message>
        <source>paket tanpa tanda tangan sah</source>
        <comment>library.origin.unverified</comment>
        <translation>package without a valid signature</translation>
    </message>
    <message>
        <source>bahan</source>
        <comment>library.kind.material</comment>
        <translation>material</translation>
    </message>
    <message>
        <source>upah</source>
        <comment>library.kind.labour</comment>
        <translation>labour</translation>
    </message>
    <message>
        <source>alat</source>
        <comment>library.kind.equipment</comment>
        <translation>equipment</translation>
    </message>
    <message>
        <source>upah</source>
        <comment>library.line.labour</comment>
        <translation>labour</translation>
    </message>
    <message>
        <source>bahan</source>
        <comment>library.line.material</comment>
        <translation>material</translation>
    </message>
    <message>
        <source>alat</source>
        <comment>library.line.equipment</comment>
        <translation>equipment</translation>
    </message>
    <message>
        <source>analisa</source>
        <comment>library.line.sub_analysis</comment>
        <translation>analysis</translation>
    </message>
    <message>
        <source>% bahan</source>
        <comment>library.line.pct_of_material</comment>
        <translation>% of material</translation>
    </message>
    <message>
        <source>Muat ulang</source>
        <comment>library.reload</comment>
        <translation>Reload</translation>
    </message>
    <message>
        <source>Turunkan draf baru</source>
        <comment>library.derive</comment>
        <translation>Derive a new draft</translation>
    </message>
    <message>
        <source>Terbitkan</source>
        <comment>library.publish</comment>
        <translation>Publish</translation>
    </message>
    <message>
        <source>Terbitkan edisi</source>
        <comment>library.publish.title</comment>
        <translation>Publish edition</translation>
    </message>
    <message>
        <source>Terbitkan edisi #{id} {label}?

Setelah terbit, isinya tidak dapat diubah lagi; perubahan berikutnya dibuat pada draf baru yang diturunkan darinya.

Sidik isi (SHA-256) yang diterbitkan:
{hash}</source>
        <comment>library.publish.ask</comment>
        <translation>Publish edition #{id} {label}?

Once published its content can no longer change; later changes are made in a new draft derived from it.

Content fingerprint (SHA-256) published:
{hash}</translation>
    </message>
    <message>
        <source>Cari kode atau nama…</source>
        <comment>library.search</comment>
        <translation>Search code or name…</translation>
    </message>
    <message>
        <source>Harga dasar</source>
        <comment>library.tab.resources</comment>
        <translation>Base prices</translation>
    </message>
    <message>
        <source>Analisa</source>
        <comment>library.tab.analyses</comment>
        <translation>Analyses</translation>
    </message>
    <message>
        <source>Log audit</source>
        <comment>library.tab.audit</comment>
        <translation>Audit log</translation>
    </message>
    <message>
        <source>Bandingkan edisi</source>
        <comment>library.tab.compare</comment>
        <translation>Compare editions</translation>
    </message>
    <message>
        <source>Bandingkan</source>
        <comment>library.compare</comment>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Edisi lama:</source>
        <comment>library.compare.old</comment>
        <translation>Old edition:</translation>
    </message>
    <message>
        <source>Edisi baru:</source>
        <comment>library.compare.new</comment>
        <translation>New edition:</translation>
    </message>
    <message>
        <source>Membandingkan…</source>
        <comment>library.comparing</comment>
        <translation>Comparing…</translation>
    </message>
    <message>
        <source>Harga dasar yang berbeda</source>
        <comment>library.diff.resources</comment>
        <translation>Base prices that differ</translation>
    </message>
    <message>
        <source>Analisa yang berbeda (harga satuan F)</source>
        <comment>library.diff.analyses</comment>
        <translation>Analyses that differ (unit rate F)</translation>
    </message>
    <message>
        <source>baru</source>
        <comment>library.diff.added</comment>
        <translation>added</translation>
    </message>
    <message>
        <source>dihapus</source>
        <comment>library.diff.removed</comment>
        <translation>removed</translation>
    </message>
    <message>
        <source>berubah</source>
        <comment>library.diff.changed</comment>
        <translation>changed</translation>
    </message>
    <message>
        <source>F berubah karena harga dasar</source>
        <comment>library.diff.rate_only</comment>
        <translation>F changed by base prices</translation>
    </message>
    <message>
        <source>kedua edisi sama harganya</source>
        <comment>library.diff.same</comment>
        <translation>both editions price everything alike</translation>
    </message>
    <message>
        <source>{old} → {new}: {summary}</source>
        <comment>library.diff.summary</comment>
        <translation>{old} → {new}: {summary}</translation>
    </message>
    <message>
        <source>Edisi #{id} {label} — {kind}, {status}</source>
        <comment>library.edition_title</comment>
        <translation>Edition #{id} {label} — {kind}, {status}</translation>
    </message>
    <message>
        <source>Memuat edisi #{id}…</source>
        <comment>library.loading</comment>
        <translation>Loading edition #{id}…</translation>
    </message>
    <message>
        <source>Pustaka harga masih kosong</source>
        <comment>library.empty</comment>
        <translation>The price library is empty</translation>
    </message>
    <message>
        <source>Belum ada edisi di pustaka harga ini. Impor berkas harga (AHSP, HSPK, SSH) lewat baris perintah dtpl-studio import-prices atau wizard impor.</source>
        <comment>library.notice.empty</comment>
        <translation>This price library holds no edition yet. Import a price file (AHSP, HSPK, SSH) with the dtpl-studio import-prices command or the import wizard.</translation>
    </message>
    <message>
        <source>Draf: klik ganda pada nama, satuan atau harga suatu harga dasar, atau pada koefisien suatu baris analisa, untuk mengubahnya. Setiap perubahan langsung disimpan di pustaka dan dicatat di log audit (siapa, kapan, lama, baru); Urungkan menulis nilai lama kembali.</source>
        <comment>library.notice.draft</comment>
        <translation>Draft: double-click a base price&apos;s name, unit or price, or an analysis line&apos;s coefficient, to change it. Every change is saved in the library at once and recorded in the audit log (who, when, old, new); Undo writes the old value back.</translation>
    </message>
    <message>
        <source>Edisi ini sudah terbit (sidik isi {hash}…) dan tidak dapat diubah: proyek yang memakainya harus tetap dapat dihitung ulang dengan harga yang sama. Untuk mengubah harganya, klik Turunkan draf baru.</source>
        <comment>library.notice.published</comment>
        <translation>This edition is published (fingerprint {hash}…) and cannot change: projects that use it must keep pricing the same. To change its prices, click Derive a new draft.</translation>
    </message>
    <message>
        <source>Pustaka harga ini hanya-baca bagi Anda (peran pembaca di server, atau berkas yang tidak dapat ditulis): Anda dapat melihat dan membandingkan edisi, tetapi tidak mengubahnya. Minta pengelola pustaka (bengkel) untuk mengubahnya.</source>
        <comment>library.notice.read_only_library</comment>
        <translation>This price library is read-only for you (a reader role on the server, or a file you cannot write): you can view and compare editions but not change them. Ask the library&apos;s keepers (bengkel) to change it.</translation>
    </message>
    <message>
        <source>Pilih suatu analisa untuk melihat baris-barisnya.</source>
        <comment>library.lines.none</comment>
        <translation>Choose an analysis to see its lines.</translation>
    </message>
    <message>
        <source>Baris analisa {code} {name} — F = Rp {rate}</source>
        <comment>library.lines.title</comment>
        <translation>Lines of analysis {code} {name} — F = Rp {rate}</translation>
    </message>
    <message>
        <source>tidak dapat dihitung</source>
        <comment>library.rate_error</comment>
        <translation>cannot be computed</translation>
    </message>
    <message>
        <source>Perubahan ini milik edisi #{id}, yang tidak sedang ditampilkan; buka edisi itu untuk mengurungkannya.</source>
        <comment>library.other_edition</comment>
        <translation>This change belongs to edition #{id}, which is not shown; open that edition to undo it.</translation>
    </message>
    <message>
        <source>harga</source>
        <comment>library.field.price</comment>
        <translation>price</translation>
    </message>
    <message>
        <source>nama</source>
        <comment>library.field.name</comment>
        <translation>name</translation>
    </message>
    <message>
        <source>satuan</source>
        <comment>library.field.unit</comment>
        <translation>unit</translation>
    </message>
    <message>
        <source>jenis</source>
        <comment>library.field.kind</comment>
        <translation>kind</translation>
    </message>
    <message>
        <source>kode</source>
        <comment>library.field.code</comment>
        <translation>code</translation>
    </message>
    <message>
        <source>overhead</source>
        <comment>library.field.overhead_pct</comment>
        <translation>overhead</translation>
    </message>
    <message>
        <source>pembulatan</source>
        <comment>library.field.rate_rounding</comment>
        <translation>rounding</translation>
    </message>
    <message>
        <source>baris</source>
        <comment>library.field.lines</comment>
        <translation>lines</translation>
    </message>
    <message>
        <source>Menyimpan ke pustaka harga…</source>
        <comment>library.saving</comment>
        <translation>Saving to the price library…</translation>
    </message>
    <message>
        <source>tambah</source>
        <comment>library.audit.add</comment>
        <translation>add</translation>
    </message>
    <message>
        <source>ubah</source>
        <comment>library.audit.update</comment>
        <translation>change</translation>
    </message>
    <message>
        <source>terbitkan</source>
        <comment>library.audit.publish</comment>
        <translation>publish</translation>
    </message>
    <message>
        <source>hapus</source>
        <comment>library.audit.delete</comment>
        <translation>delete</translation>
    </message>
    <message>
        <source>buat pustaka</source>
        <comment>library.audit.create</comment>
        <translation>create library</translation>
    </message>
    <message>
        <source>perbarui skema</source>
        <comment>library.audit.upgrade</comment>
        <translation>upgrade schema</translation>
    </message>
    <message>
        <source>edisi #{id}</source>
        <comment>library.audit.edition</comment>
        <translation>edition #{id}</translation>
    </message>
    <message>
        <source>edisi #{id}, harga dasar {item}</source>
        <comment>library.audit.resource</comment>
        <translation>edition #{id}, base price {item}</translation>
    </message>
    <message>
        <source>edisi #{id}, analisa {item}</source>
        <comment>library.audit.analysis</comment>
        <translation>edition #{id}, analysis {item}</translation>
    </message>
    <message>
        <source>Ubah harga dasar {key}</source>
        <comment>library.cmd.resource</comment>
        <translation>Change base price {key}</translation>
    </message>
    <message>
        <source>Ubah koefisien {code} baris {line}</source>
        <comment>library.cmd.coefficient</comment>
        <translation>Change coefficient of {code} line {line}</translation>
    </message>
    <message>
        <source>Ganti edisi harga paket…</source>
        <comment>action.reprice</comment>
        <translation>Change the package&apos;s price edition…</translation>
    </message>
    <message>
        <source>Ganti edisi harga {package}</source>
        <comment>cmd.reprice</comment>
        <translation>Change the price edition of {package}</translation>
    </message>
    <message>
        <source>Ganti edisi harga — {package}</source>
        <comment>dlg.reprice.title</comment>
        <translation>Change price edition — {package}</translation>
    </message>
    <message>
        <source>Paket {package} sekarang memakai: {book}</source>
        <comment>dlg.reprice.current</comment>
        <translation>Package {package} now uses: {book}</translation>
    </message>
    <message>
        <source>Edisi tujuan:</source>
        <comment>dlg.reprice.target</comment>
        <translation>Target edition:</translation>
    </message>
    <message>
        <source>Pustaka harga: {where}</source>
        <comment>dlg.reprice.library</comment>
        <translation>Price library: {where}</translation>
    </message>
    <message>
        <source>{error}; hanya edisi bawaan yang dapat dipilih</source>
        <comment>dlg.reprice.library_error</comment>
        <translation>{error}; only the shipped edition can be chosen</translation>
    </message>
    <message>
        <source>{count} item tanpa padanan di edisi tujuan: analisa lamanya tetap dipakai dan barisnya ditandai.</source>
        <comment>dlg.reprice.missing</comment>
        <translation>{count} items have no counterpart in the target edition: their old analyses stay and their rows are marked.</translation>
    </message>
    <message>
        <source>Semua item punya padanan atau harganya tetap.</source>
        <comment>dlg.reprice.none_missing</comment>
        <translation>Every item has a counterpart or keeps its rate.</translation>
    </message>
    <message>
        <source>Tidak ada edisi tujuan.</source>
        <comment>dlg.reprice.no_target</comment>
        <translation>No target edition.</translation>
    </message>
    <message>
        <source>Terapkan</source>
        <comment>dlg.reprice.apply</comment>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>dlg.reprice.cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>No</source>
        <comment>reprice.col.no</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>Uraian</source>
        <comment>reprice.col.item</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Kode lama</source>
        <comment>reprice.col.old_code</comment>
        <translation>Old code</translation>
    </message>
    <message>
        <source>Kode baru</source>
        <comment>reprice.col.new_code</comment>
        <translation>New code</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>reprice.col.status</comment>
        <translation>Status</translation>
    </message>
    <message>
        <source>Harga lama</source>
        <comment>reprice.col.old_rate</comment>
        <translation>Old rate</translation>
    </message>
    <message>
        <source>Harga baru</source>
        <comment>reprice.col.new_rate</comment>
        <translation>New rate</translation>
    </message>
    <message>
        <source>Jumlah lama</source>
        <comment>reprice.col.old_amount</comment>
        <translation>Old amount</translation>
    </message>
    <message>
        <source>Jumlah baru</source>
        <comment>reprice.col.new_amount</comment>
        <translation>New amount</translation>
    </message>
    <message>
        <source>Selisih</source>
        <comment>reprice.col.change</comment>
        <translation>Change</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <comment>reprice.col.reason</comment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Divisi</source>
        <comment>reprice.col.division</comment>
        <translation>Division</translation>
    </message>
    <message>
        <source>Lama</source>
        <comment>reprice.col.old</comment>
        <translation>Old</translation>
    </message>
    <message>
        <source>Baru</source>
        <comment>reprice.col.new</comment>
        <translation>New</translation>
    </message>
    <message>
        <source>dipadankan</source>
        <comment>reprice.status.matched</comment>
        <translation>matched</translation>
    </message>
    <message>
        <source>tanpa padanan</source>
        <comment>reprice.status.missing</comment>
        <translation>no counterpart</translation>
    </message>
    <message>
        <source>override tetap</source>
        <comment>reprice.status.override</comment>
        <translation>override kept</translation>
    </message>
    <message>
        <source>harga khusus tetap</source>
        <comment>reprice.status.custom</comment>
        <translation>custom rate kept</translation>
    </message>
    <message>
        <source>(kode)</source>
        <comment>reprice.basis.code</comment>
        <translation>(code)</translation>
    </message>
    <message>
        <source>(uraian)</source>
        <comment>reprice.basis.name</comment>
        <translation>(description)</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <comment>reprice.total.direct</comment>
        <translation>Subtotal</translation>
    </message>
    <message>
        <source>PPN</source>
        <comment>reprice.total.ppn</comment>
        <translation>VAT</translation>
    </message>
    <message>
        <source>Total</source>
        <comment>reprice.total.total</comment>
        <translation>Total</translation>
    </message>
    <message>
        <source>Dibulatkan</source>
        <comment>reprice.total.rounded</comment>
        <translation>Rounded</translation>
    </message>
    <message>
        <source>semua jumlah BLM berada dalam pagunya dan tidak ada aturan yang dilanggar.</source>
        <comment>verdict.explain.passed</comment>
        <translation>every BLM amount is within its ceiling and no rule is broken.</translation>
    </message>
    <message>
        <source>semua jumlah BLM berada dalam pagunya dan tidak ada aturan yang dilanggar; {n} catatan peringatan perlu dibaca.</source>
        <comment>verdict.explain.passed_notes</comment>
        <translation>every BLM amount is within its ceiling and no rule is broken; {n} warnings should be read.</translation>
    </message>
    <message>
        <source>{n} aturan tidak terpenuhi (lihat temuan); dokumen dicetak sebagai DRAFT dan belum dapat disahkan.</source>
        <comment>verdict.explain.fails-rule</comment>
        <translation>{n} rules are not met (see the findings); the document prints as DRAFT and cannot be approved yet.</translation>
    </message>
    <message>
        <source>tidak ada aturan pagu yang berlaku, sehingga pagu belum dapat diperiksa.</source>
        <comment>verdict.explain.no-rule</comment>
        <translation>no ceiling rule applies, so the ceilings cannot be checked yet.</translation>
    </message>
    <message>
        <source>belum ada item pekerjaan, sehingga pagu belum dapat diperiksa.</source>
        <comment>verdict.explain.empty</comment>
        <translation>there are no work items yet, so the ceilings cannot be checked.</translation>
    </message>
    <message>
        <source>{parts}, sehingga kesimpulan pagu belum sah; perbaiki galat lalu periksa ulang.</source>
        <comment>verdict.explain.not-valid</comment>
        <translation>{parts}, so the ceiling verdict is not valid yet; fix the errors and check again.</translation>
    </message>
    <message>
        <source>{n} item bergalat dihitung 0</source>
        <comment>verdict.explain.part.items</comment>
        <translation>{n} item(s) in error counted as 0</translation>
    </message>
    <message>
        <source>{n} aturan pagu/swadaya tidak dapat dibaca</source>
        <comment>verdict.explain.part.rules</comment>
        <translation>{n} ceiling/swadaya rule(s) could not be read</translation>
    </message>
    <message>
        <source>{n} pengaturan paket bergalat</source>
        <comment>verdict.explain.part.settings</comment>
        <translation>{n} package setting(s) in error</translation>
    </message>
    <message>
        <source>{n} temuan dasar harga: buku harga paket belum dapat diterima tanpa alasan yang dicatat; dokumen tidak dapat berstatus Final.</source>
        <comment>verdict.explain.price-basis</comment>
        <translation>{n} price-basis findings: the package&apos;s price book cannot be accepted without a recorded reason; the document cannot be Final.</translation>
    </message>
    <message>
        <source>Perencanaan (maks. Rp {ceiling})</source>
        <comment>blm.component.perencanaan</comment>
        <translation>Planning (max. Rp {ceiling})</translation>
    </message>
    <message>
        <source>Fisik (maks. Rp {ceiling})</source>
        <comment>blm.component.fisik</comment>
        <translation>Physical (max. Rp {ceiling})</translation>
    </message>
    <message>
        <source>Total vs alokasi (Rp {ceiling})</source>
        <comment>blm.component.total</comment>
        <translation>Total vs allocation (Rp {ceiling})</translation>
    </message>
    <message>
        <source>{component} (pagu tidak dapat dibaca)</source>
        <comment>blm.component.unreadable</comment>
        <translation>{component} (ceiling could not be read)</translation>
    </message>
    <message>
        <source>Back-up volume</source>
        <comment>mp.title</comment>
        <translation>Quantity take-off</translation>
    </message>
    <message>
        <source>Back-up volume: {number} {item} ({unit})</source>
        <comment>mp.header</comment>
        <translation>Take-off: {number} {item} ({unit})</translation>
    </message>
    <message>
        <source>Pilih item pada RAB untuk melihat dan mengubah back-up volumenya.</source>
        <comment>mp.none</comment>
        <translation>Select an item in the estimate to see and edit its take-off.</translation>
    </message>
    <message>
        <source>Divisi dipilih — pilih sebuah item untuk back-up volume.</source>
        <comment>mp.section</comment>
        <translation>A division is selected — select an item for its take-off.</translation>
    </message>
    <message>
        <source>Volume diisi langsung ({volume} {unit}). Tambah baris untuk menghitungnya dari ukuran.</source>
        <comment>mp.direct</comment>
        <translation>Quantity entered directly ({volume} {unit}). Add a line to compute it from dimensions.</translation>
    </message>
    <message>
        <source>Volume item: {volume} {unit}</source>
        <comment>mp.total</comment>
        <translation>Item quantity: {volume} {unit}</translation>
    </message>
    <message>
        <source>Volume item tidak dapat dihitung: {error}</source>
        <comment>mp.total_error</comment>
        <translation>The item quantity cannot be computed: {error}</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <comment>mp.add</comment>
        <translation>Add line</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <comment>mp.remove</comment>
        <translation>Delete line</translation>
    </message>
    <message>
        <source>Baris baru</source>
        <comment>mp.new_line</comment>
        <translation>New line</translation>
    </message>
    <message>
        <source>Uraian</source>
        <comment>mp.col.uraian</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>n</source>
        <comment>mp.col.n</comment>
        <translation>n</translation>
    </message>
    <message>
        <source>p</source>
        <comment>mp.col.p</comment>
        <translation>l</translation>
    </message>
    <message>
        <source>l</source>
        <comment>mp.col.l</comment>
        <translation>w</translation>
    </message>
    <message>
        <source>t</source>
        <comment>mp.col.t</comment>
        <translation>h</translation>
    </message>
    <message>
        <source>Kurangi</source>
        <comment>mp.col.deduct</comment>
        <translation>Deduct</translation>
    </message>
    <message>
        <source>Volume</source>
        <comment>mp.col.volume</comment>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Centang bila baris ini mengurangi volume (dikurangi)</source>
        <comment>mp.deduct_tip</comment>
        <translation>Tick when this line is deducted</translation>
    </message>
    <message>
        <source>Angka dan satuan, mis. 150 m, 2,5 m, 1.250 m, 12 cm (koma untuk desimal, titik untuk ribuan); kosongkan untuk menghapus faktor</source>
        <comment>mp.factor_tip</comment>
        <translation>Number and unit, e.g. 150 m, 2,5 m, 1.250 m, 12 cm (comma for decimals, dot for thousands); clear to remove the factor</translation>
    </message>
    <message>
        <source>satuan salah</source>
        <comment>mp.mismatch</comment>
        <translation>wrong unit</translation>
    </message>
    <message>
        <source>{formula} menghasilkan {got}, bukan {unit}: periksa faktor dan satuannya</source>
        <comment>mp.mismatch_line</comment>
        <translation>{formula} gives {got}, not {unit}: check the factors and their units</translation>
    </message>
    <message>
        <source>Baris {row} ({line}): {error}</source>
        <comment>mp.line_error</comment>
        <translation>Line {row} ({line}): {error}</translation>
    </message>
    <message>
        <source>Faktor {label} tidak diubah: {reason}</source>
        <comment>mp.refused</comment>
        <translation>Factor {label} not changed: {reason}</translation>
    </message>
    <message>
        <source>satuan &apos;{unit}&apos; tidak dikenal</source>
        <comment>mp.unknown_unit</comment>
        <translation>unknown unit &apos;{unit}&apos;</translation>
    </message>
    <message>
        <source>Catatan satuan: {note}</source>
        <comment>mp.unit_note</comment>
        <translation>Unit note: {note}</translation>
    </message>
    <message>
        <source>Faktor {label}: {note}</source>
        <comment>mp.unit_noted</comment>
        <translation>Factor {label}: {note}</translation>
    </message>
    <message>
        <source>Baris {row}, faktor {label}: {note}</source>
        <comment>mp.unit_note_line</comment>
        <translation>Line {row}, factor {label}: {note}</translation>
    </message>
    <message>
        <source>Ketik = lalu ekspresi untuk menghitung baris dari parameter paket, mis. = 2 * (P + L) * T atau = (12,5 m - 2 * 60 cm) * 0,3 m. Koma adalah tanda desimal, titik hanya pemisah ribuan; operator + - * / ^ (pangkat 0..3) dan kurung; satuan ditulis dengan simbol baku (m, cm, m2, m3, kg, bh). Ketik angka biasa untuk kembali ke faktor n x p x l x t.</source>
        <comment>mp.expression_tip</comment>
        <translation>Type = and an expression to compute the line from the package parameters, e.g. = 2 * (P + L) * T or = (12,5 m - 2 * 60 cm) * 0,3 m. The comma is the decimal mark, the dot only groups thousands; operators + - * / ^ (powers 0..3) and parentheses; units by their standard symbols (m, cm, m2, m3, kg, bh). Type a plain number to go back to the n x p x l x t factors.</translation>
    </message>
    <message>
        <source>Ekspresi tidak diubah: {reason}</source>
        <comment>mp.expression_refused</comment>
        <translation>Expression not changed: {reason}</translation>
    </message>
    <message>
        <source>item tertaut tidak ada lagi di paket ini</source>
        <comment>mp.link_gone</comment>
        <translation>the linked item is no longer in this package</translation>
    </message>
    <message>
        <source>volume item {number} tidak dapat dihitung</source>
        <comment>mp.link_error</comment>
        <translation>the volume of item {number} cannot be computed</translation>
    </message>
    <message>
        <source>Tautkan ke volume item…</source>
        <comment>mp.link</comment>
        <translation>Link to an item&apos;s volume…</translation>
    </message>
    <message>
        <source>Baris terpilih mengambil volume item lain di paket ini dan ikut berubah bila item itu berubah (centang Kurangi untuk mengurangkannya)</source>
        <comment>mp.link_tip</comment>
        <translation>The selected line takes the volume of another item of this package and follows it when that item changes (tick Kurangi to deduct it)</translation>
    </message>
    <message>
        <source>Tautkan baris ke volume item</source>
        <comment>mp.link_title</comment>
        <translation>Link line to an item&apos;s volume</translation>
    </message>
    <message>
        <source>Baris {row} mengambil volume item:</source>
        <comment>mp.link_prompt</comment>
        <translation>Line {row} takes the volume of item:</translation>
    </message>
    <message>
        <source>Baris tidak ditautkan: {reason}</source>
        <comment>mp.link_refused</comment>
        <translation>Line not linked: {reason}</translation>
    </message>
    <message>
        <source>Parameter paket…</source>
        <comment>mp.parameters</comment>
        <translation>Package parameters…</translation>
    </message>
    <message>
        <source>Nama dan nilai (mis. P = 25 m) yang dipakai ekspresi semua baris back-up di paket ini</source>
        <comment>mp.parameters_tip</comment>
        <translation>Names and values (e.g. P = 25 m) used by the expressions of every back-up line in this package</translation>
    </message>
    <message>
        <source>Ekspresi baris back-up {row}</source>
        <comment>cmd.set_expression</comment>
        <translation>Expression of back-up line {row}</translation>
    </message>
    <message>
        <source>Tautkan baris back-up {row}</source>
        <comment>cmd.link_line</comment>
        <translation>Link back-up line {row}</translation>
    </message>
    <message>
        <source>Tambah parameter {name}</source>
        <comment>cmd.add_parameter</comment>
        <translation>Add parameter {name}</translation>
    </message>
    <message>
        <source>Ubah parameter {name}</source>
        <comment>cmd.set_parameter</comment>
        <translation>Change parameter {name}</translation>
    </message>
    <message>
        <source>Hapus parameter {name}</source>
        <comment>cmd.remove_parameter</comment>
        <translation>Remove parameter {name}</translation>
    </message>
    <message>
        <source>Parameter paket — {package}</source>
        <comment>prm.title</comment>
        <translation>Package parameters — {package}</translation>
    </message>
    <message>
        <source>Parameter dipakai dalam ekspresi baris back-up (= 2 * (P + L) * T). Nama: huruf, angka dan _, diawali huruf, bukan simbol satuan (m, bh…). Nilai tidak boleh negatif; satuan dengan simbol baku.</source>
        <comment>prm.help</comment>
        <translation>Parameters are used in back-up line expressions (= 2 * (P + L) * T). Name: letters, digits and _, starting with a letter, not a unit symbol (m, bh…). Values may not be negative; units by their standard symbols.</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>prm.col.name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nilai</source>
        <comment>prm.col.value</comment>
        <translation>Value</translation>
    </message>
    <message>
        <source>Satuan</source>
        <comment>prm.col.unit</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <comment>prm.col.description</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Tambah parameter</source>
        <comment>prm.add</comment>
        <translation>Add parameter</translation>
    </message>
    <message>
        <source>Hapus parameter</source>
        <comment>prm.remove</comment>
        <translation>Remove parameter</translation>
    </message>
    <message>
        <source>Tidak diubah: {reason}</source>
        <comment>prm.refused</comment>
        <translation>Not changed: {reason}</translation>
    </message>
    <message>
        <source>Dipakai oleh {count} baris</source>
        <comment>prm.used_by</comment>
        <translation>Used by {count} lines</translation>
    </message>
    <message>
        <source>Katalog analisa (AHSP)</source>
        <comment>cat.title</comment>
        <translation>Analysis catalogue (AHSP)</translation>
    </message>
    <message>
        <source>Cari kode atau nama analisa…</source>
        <comment>cat.search</comment>
        <translation>Search code or name…</translation>
    </message>
    <message>
        <source>{shown} dari {total} analisa</source>
        <comment>cat.count</comment>
        <translation>{shown} of {total} analyses</translation>
    </message>
    <message>
        <source>Buku harga: {book}</source>
        <comment>cat.book</comment>
        <translation>Price book: {book}</translation>
    </message>
    <message>
        <source>Paket memakai buku {book}; analisa baru disalin ke buku paket.</source>
        <comment>cat.other_book</comment>
        <translation>The package uses {book}; new analyses are copied into the package book.</translation>
    </message>
    <message>
        <source>Kode</source>
        <comment>cat.col.code</comment>
        <translation>Code</translation>
    </message>
    <message>
        <source>Uraian</source>
        <comment>cat.col.name</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Satuan</source>
        <comment>cat.col.unit</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Harga (F)</source>
        <comment>cat.col.rate</comment>
        <translation>Rate (F)</translation>
    </message>
    <message>
        <source>Tambah ke RAB</source>
        <comment>cat.add</comment>
        <translation>Add to estimate</translation>
    </message>
    <message>
        <source>Tambahkan analisa terpilih sebagai item (volume 0) ke divisi terpilih</source>
        <comment>cat.add_tip</comment>
        <translation>Add the selected analysis as an item (quantity 0) to the selected division</translation>
    </message>
    <message>
        <source>Pilih divisi atau item pada RAB sebagai tempat item baru</source>
        <comment>cat.no_section</comment>
        <translation>Select a division or item in the estimate to place the new item</translation>
    </message>
    <message>
        <source>{code} ditambahkan ke {section}</source>
        <comment>cat.added</comment>
        <translation>{code} added to {section}</translation>
    </message>
    <message>
        <source>Pilih analisa untuk melihat rinciannya.</source>
        <comment>cat.detail.empty</comment>
        <translation>Select an analysis to see its breakdown.</translation>
    </message>
    <message>
        <source>Analisa tidak dapat dihitung: {error}</source>
        <comment>cat.detail.error</comment>
        <translation>The analysis cannot be computed: {error}</translation>
    </message>
    <message>
        <source>per 1 {unit}</source>
        <comment>cat.detail.per</comment>
        <translation>per 1 {unit}</translation>
    </message>
    <message>
        <source>Uraian</source>
        <comment>cat.h.uraian</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Sat.</source>
        <comment>cat.h.unit</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Koefisien</source>
        <comment>cat.h.coef</comment>
        <translation>Coefficient</translation>
    </message>
    <message>
        <source>Harga Satuan</source>
        <comment>cat.h.price</comment>
        <translation>Unit price (Rp)</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <comment>cat.h.amount</comment>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>A. Tenaga kerja</source>
        <comment>cat.A</comment>
        <translation>A. Labour</translation>
    </message>
    <message>
        <source>B. Bahan</source>
        <comment>cat.B</comment>
        <translation>B. Materials</translation>
    </message>
    <message>
        <source>C. Peralatan</source>
        <comment>cat.C</comment>
        <translation>C. Equipment</translation>
    </message>
    <message>
        <source>Jumlah A</source>
        <comment>cat.sumA</comment>
        <translation>Total A</translation>
    </message>
    <message>
        <source>Jumlah B</source>
        <comment>cat.sumB</comment>
        <translation>Total B</translation>
    </message>
    <message>
        <source>Jumlah C</source>
        <comment>cat.sumC</comment>
        <translation>Total C</translation>
    </message>
    <message>
        <source>D. Jumlah (A + B + C)</source>
        <comment>cat.D</comment>
        <translation>D. Sum (A + B + C)</translation>
    </message>
    <message>
        <source>E. Biaya umum dan keuntungan {pct} × D</source>
        <comment>cat.E</comment>
        <translation>E. Overhead and profit {pct} × D</translation>
    </message>
    <message>
        <source>F. Harga satuan pekerjaan (D + E)</source>
        <comment>cat.F</comment>
        <translation>F. Unit rate (D + E)</translation>
    </message>
    <message>
        <source>F dibulatkan ({rule})</source>
        <comment>cat.F_rounded</comment>
        <translation>F rounded ({rule})</translation>
    </message>
    <message>
        <source>Sumber: {source}</source>
        <comment>cat.source</comment>
        <translation>Source: {source}</translation>
    </message>
    <message>
        <source>Temuan</source>
        <comment>find.title</comment>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <comment>find.col.severity</comment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <comment>find.col.location</comment>
        <translation>Location</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <comment>find.col.message</comment>
        <translation>Message</translation>
    </message>
    <message>
        <source>Tidak ada temuan</source>
        <comment>find.none</comment>
        <translation>No findings</translation>
    </message>
    <message>
        <source>Terbesar:</source>
        <comment>find.top</comment>
        <translation>Largest:</translation>
    </message>
    <message>
        <source>Agar lulus: {remedy}</source>
        <comment>find.remedy</comment>
        <translation>To pass: {remedy}</translation>
    </message>
    <message>
        <source>Volume tidak dapat dihitung dari back-up volume ({detail})</source>
        <comment>finding.measurement-unit</comment>
        <translation>The quantity cannot be computed from the take-off ({detail})</translation>
    </message>
    <message>
        <source>Harga satuan tidak tersedia ({detail})</source>
        <comment>finding.rate</comment>
        <translation>No unit rate ({detail})</translation>
    </message>
    <message>
        <source>Harga satuan diganti tanpa alasan</source>
        <comment>finding.override</comment>
        <translation>Unit rate overridden without a reason</translation>
    </message>
    <message>
        <source>Harga satuan khusus tanpa alasan</source>
        <comment>finding.custom-rate</comment>
        <translation>Custom unit rate without a reason</translation>
    </message>
    <message>
        <source>Volume nol</source>
        <comment>finding.zero-volume</comment>
        <translation>Quantity is zero</translation>
    </message>
    <message>
        <source>PPN pada paket swakelola KSM tidak lazim (DOMAIN.md §4.3)</source>
        <comment>finding.ppn-ksm</comment>
        <translation>VAT on a community (KSM) package is unusual (DOMAIN.md §4.3)</translation>
    </message>
    <message>
        <source>Total paket negatif (pengurangan melebihi pekerjaan)</source>
        <comment>finding.negative-total</comment>
        <translation>The package total is negative (deductions exceed the works)</translation>
    </message>
    <message>
        <source>Angka tersimpan di berkas proyek salah: {detail}</source>
        <comment>finding.stored-value</comment>
        <translation>A number stored in the project file is wrong: {detail}</translation>
    </message>
    <message>
        <source>Item tanpa satuan</source>
        <comment>finding.unit-empty</comment>
        <translation>Item without a unit</translation>
    </message>
    <message>
        <source>Volume {value} tidak wajar (batas {limit})</source>
        <comment>finding.implausible-volume</comment>
        <translation>Implausible quantity {value} (limit {limit})</translation>
    </message>
    <message>
        <source>Harga satuan Rp {value} tidak wajar (batas Rp {limit})</source>
        <comment>finding.implausible-rate</comment>
        <translation>Implausible unit rate Rp {value} (limit Rp {limit})</translation>
    </message>
    <message>
        <source>Volume negatif ({value}): pengurangan melebihi pekerjaan</source>
        <comment>finding.negative-volume</comment>
        <translation>Negative quantity ({value}): deductions exceed the works</translation>
    </message>
    <message>
        <source>Riwayat perubahan (log audit) diubah di luar DTPL Studio mulai entri #{entry} ({at}, {who}): entri itu dan sesudahnya tidak dapat dipercaya</source>
        <comment>finding.audit-broken</comment>
        <translation>The change history (audit log) was edited outside DTPL Studio from entry #{entry} ({at}, {who}) on: that entry and the later ones cannot be trusted</translation>
    </message>
    <message>
        <source>galat</source>
        <comment>severity.error</comment>
        <translation>error</translation>
    </message>
    <message>
        <source>peringatan</source>
        <comment>severity.warning</comment>
        <translation>warning</translation>
    </message>
    <message>
        <source>info</source>
        <comment>severity.info</comment>
        <translation>info</translation>
    </message>
    <message>
        <source>{component}: Rp {amount} melebihi pagu Rp {ceiling}</source>
        <comment>check.failed</comment>
        <translation>{component}: Rp {amount} exceeds the ceiling of Rp {ceiling}</translation>
    </message>
    <message>
        <source>Buku harga: {book}</source>
        <comment>status.book</comment>
        <translation>Price book: {book}</translation>
    </message>
    <message>
        <source>wilayah tidak diketahui</source>
        <comment>book.region_unknown</comment>
        <translation>region unknown</translation>
    </message>
    <message>
        <source>Edisi:</source>
        <comment>cat.edition</comment>
        <translation>Edition:</translation>
    </message>
    <message>
        <source>memuat daftar edisi pustaka harga…</source>
        <comment>cat.edition.loading</comment>
        <translation>loading the price library&apos;s editions…</translation>
    </message>
    <message>
        <source>pustaka harga tidak terbaca: edisi bawaan</source>
        <comment>cat.edition.none</comment>
        <translation>price library unreadable: shipped edition</translation>
    </message>
    <message>
        <source>#{id} {name} · {kind} · {status}</source>
        <comment>cat.edition.label</comment>
        <translation>#{id} {name} · {kind} · {status}</translation>
    </message>
    <message>
        <source>draf</source>
        <comment>cat.edition.draft</comment>
        <translation>draft</translation>
    </message>
    <message>
        <source>terbit</source>
        <comment>cat.edition.published</comment>
        <translation>published</translation>
    </message>
    <message>
        <source>bawaan</source>
        <comment>cat.edition.shipped</comment>
        <translation>shipped</translation>
    </message>
    <message>
        <source>Katalog kini dari edisi {name}</source>
        <comment>cat.edition.loaded</comment>
        <translation>Catalogue now from edition {name}</translation>
    </message>
    <message>
        <source>Edisi tidak dapat dimuat: {reason}</source>
        <comment>cat.edition.failed</comment>
        <translation>The edition cannot be loaded: {reason}</translation>
    </message>
    <message>
        <source>BELUM TERVERIFIKASI (paket tanpa tanda tangan tepercaya)</source>
        <comment>book.unverified</comment>
        <translation>NOT VERIFIED (package without a trusted signature)</translation>
    </message>
    <message>
        <source>Ada {n} galat pada RAB (lihat Temuan): item bergalat bernilai 0, jadi pemeriksaan pagu belum sah.</source>
        <comment>blm.errors</comment>
        <translation>The RAB has {n} errors (see Findings): items in error count as 0, so the ceiling check is not valid yet.</translation>
    </message>
    <message>
        <source>Buku harga: {n} edisi</source>
        <comment>status.books</comment>
        <translation>Price books: {n} editions</translation>
    </message>
    <message>
        <source>Temuan: {errors} galat · {warnings} peringatan</source>
        <comment>status.findings</comment>
        <translation>Findings: {errors} errors · {warnings} warnings</translation>
    </message>
    <message>
        <source>Temuan: tidak ada</source>
        <comment>status.findings_ok</comment>
        <translation>Findings: none</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <comment>status.saved</comment>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Dibuka: {path}</source>
        <comment>status.opened</comment>
        <translation>Opened: {path}</translation>
    </message>
    <message>
        <source>PDF tersimpan: {path}</source>
        <comment>status.exported</comment>
        <translation>PDF saved: {path}</translation>
    </message>
    <message>
        <source>Ekspor PDF dibatalkan</source>
        <comment>status.export_cancelled</comment>
        <translation>PDF export cancelled</translation>
    </message>
    <message>
        <source>RAB xlsx tersimpan: {path}</source>
        <comment>status.exported_xlsx</comment>
        <translation>RAB xlsx saved: {path}</translation>
    </message>
    <message>
        <source>Ekspor xlsx dibatalkan</source>
        <comment>status.export_xlsx_cancelled</comment>
        <translation>xlsx export cancelled</translation>
    </message>
    <message>
        <source>Rekap kebutuhan</source>
        <comment>rekap.title</comment>
        <translation>Material and labour schedule</translation>
    </message>
    <message>
        <source>Seluruh program</source>
        <comment>rekap.scope.program</comment>
        <translation>Whole programme</translation>
    </message>
    <message>
        <source>Paket {n}: {name}</source>
        <comment>rekap.scope.package</comment>
        <translation>Package {n}: {name}</translation>
    </message>
    <message>
        <source>Simpan CSV…</source>
        <comment>rekap.save_csv</comment>
        <translation>Save CSV…</translation>
    </message>
    <message>
        <source>Uraian</source>
        <comment>rekap.col.name</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Satuan</source>
        <comment>rekap.col.unit</comment>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Kuantitas</source>
        <comment>rekap.col.qty</comment>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Harga satuan (Rp)</source>
        <comment>rekap.col.price</comment>
        <translation>Unit price (Rp)</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <comment>rekap.col.amount</comment>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Kuantitas beli</source>
        <comment>rekap.col.buy</comment>
        <translation>Purchase quantity</translation>
    </message>
    <message>
        <source>Dipakai oleh</source>
        <comment>rekap.col.users</comment>
        <translation>Used by</translation>
    </message>
    <message>
        <source>Tenaga kerja</source>
        <comment>rekap.group.labour</comment>
        <translation>Labour</translation>
    </message>
    <message>
        <source>Bahan</source>
        <comment>rekap.group.material</comment>
        <translation>Materials</translation>
    </message>
    <message>
        <source>Peralatan</source>
        <comment>rekap.group.equipment</comment>
        <translation>Equipment</translation>
    </message>
    <message>
        <source>Item tidak diuraikan</source>
        <comment>rekap.group.not_broken</comment>
        <translation>Items not broken down</translation>
    </message>
    <message>
        <source>Penyesuaian ke harga satuan RAB</source>
        <comment>rekap.group.adjust</comment>
        <translation>Adjustments to the RAB unit rates</translation>
    </message>
    <message>
        <source>harga satuan diganti</source>
        <comment>rekap.reason.override</comment>
        <translation>unit rate overridden</translation>
    </message>
    <message>
        <source>harga khusus, tanpa analisa</source>
        <comment>rekap.reason.custom</comment>
        <translation>own rate, no analysis</translation>
    </message>
    <message>
        <source>tidak dapat dihitung</source>
        <comment>rekap.reason.error</comment>
        <translation>cannot be computed</translation>
    </message>
    <message>
        <source>Jumlah biaya langsung RAB</source>
        <comment>rekap.total</comment>
        <translation>RAB direct cost</translation>
    </message>
    <message>
        <source>Kebutuhan Rp {resources} + penyesuaian Rp {adjust} + item tidak diuraikan Rp {other} = biaya langsung RAB Rp {direct}. Tenaga kerja {days} OH.</source>
        <comment>rekap.summary</comment>
        <translation>Resources Rp {resources} + adjustments Rp {adjust} + items not broken down Rp {other} = RAB direct cost Rp {direct}. Labour {days} person-days (OH).</translation>
    </message>
    <message>
        <source>Belum ada item RAB.</source>
        <comment>rekap.empty</comment>
        <translation>No RAB items yet.</translation>
    </message>
    <message>
        <source>Rekap kebutuhan tersimpan: {path}</source>
        <comment>rekap.saved</comment>
        <translation>Material and labour schedule saved: {path}</translation>
    </message>
    <message>
        <source>Simpan rekap kebutuhan (CSV)</source>
        <comment>dlg.rekap_export.title</comment>
        <translation>Save the material and labour schedule (CSV)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <comment>dlg.filter.csv</comment>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Riwayat perubahan</source>
        <comment>audit.title</comment>
        <translation>Change history</translation>
    </message>
    <message>
        <source>Belum ada riwayat: proyek belum disimpan.</source>
        <comment>audit.none</comment>
        <translation>No history yet: the project has not been saved.</translation>
    </message>
    <message>
        <source>{n} entri; rantai hash utuh (tidak ada yang diubah di luar DTPL Studio).</source>
        <comment>audit.intact</comment>
        <translation>{n} entries; the hash chain holds (nothing edited outside DTPL Studio).</translation>
    </message>
    <message>
        <source>PERINGATAN: riwayat diubah di luar DTPL Studio mulai entri #{entry} ({at}, {who}); entri itu dan sesudahnya tidak dapat dipercaya.</source>
        <comment>audit.broken</comment>
        <translation>WARNING: the history was edited outside DTPL Studio from entry #{entry} ({at}, {who}) on; that entry and the later ones cannot be trusted.</translation>
    </message>
    <message>
        <source>Cetak PDF…</source>
        <comment>audit.print</comment>
        <translation>Print PDF…</translation>
    </message>
    <message>
        <source>No</source>
        <comment>audit.col.no</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>Waktu</source>
        <comment>audit.col.at</comment>
        <translation>When</translation>
    </message>
    <message>
        <source>Oleh</source>
        <comment>audit.col.who</comment>
        <translation>Who</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <comment>audit.col.action</comment>
        <translation>Action</translation>
    </message>
    <message>
        <source>Perubahan</source>
        <comment>audit.col.subject</comment>
        <translation>Change</translation>
    </message>
    <message>
        <source>{what}: {old} → {new}</source>
        <comment>audit.change</comment>
        <translation>{what}: {old} → {new}</translation>
    </message>
    <message>
        <source>Simpan</source>
        <comment>audit.action.save</comment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Perbarui format berkas</source>
        <comment>audit.action.upgrade</comment>
        <translation>Upgrade file format</translation>
    </message>
    <message>
        <source>Ubah harga upah/bahan/alat</source>
        <comment>audit.action.price.resource</comment>
        <translation>Change labour/material/equipment price</translation>
    </message>
    <message>
        <source>Ganti harga satuan item</source>
        <comment>audit.action.price.override</comment>
        <translation>Override item unit rate</translation>
    </message>
    <message>
        <source>Harga satuan khusus</source>
        <comment>audit.action.price.custom</comment>
        <translation>Custom unit rate</translation>
    </message>
    <message>
        <source>Ganti edisi buku harga</source>
        <comment>audit.action.reprice</comment>
        <translation>Change price-book edition</translation>
    </message>
    <message>
        <source>Impor edisi buku harga</source>
        <comment>audit.action.add</comment>
        <translation>Import price-book edition</translation>
    </message>
    <message>
        <source>Terbitkan edisi</source>
        <comment>audit.action.publish</comment>
        <translation>Publish edition</translation>
    </message>
    <message>
        <source>Riwayat perubahan tersimpan: {path}</source>
        <comment>audit.exported</comment>
        <translation>Change history saved: {path}</translation>
    </message>
    <message>
        <source>Cetak riwayat perubahan (PDF)</source>
        <comment>dlg.audit_export.title</comment>
        <translation>Print the change history (PDF)</translation>
    </message>
    <message>
        <source>Buka proyek</source>
        <comment>dlg.open.title</comment>
        <translation>Open project</translation>
    </message>
    <message>
        <source>Simpan proyek sebagai</source>
        <comment>dlg.save_as.title</comment>
        <translation>Save project as</translation>
    </message>
    <message>
        <source>Ekspor PDF DTPL</source>
        <comment>dlg.export.title</comment>
        <translation>Export DTPL PDF</translation>
    </message>
    <message>
        <source>Proyek DTPL (*.dtpl);;Semua berkas (*)</source>
        <comment>dlg.filter.project</comment>
        <translation>DTPL projects (*.dtpl);;All files (*)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <comment>dlg.filter.pdf</comment>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Gagal membuka proyek</source>
        <comment>dlg.open_failed.title</comment>
        <translation>Cannot open project</translation>
    </message>
    <message>
        <source>Berkas {path} sudah terbuka di jendela DTPL Studio lain.</source>
        <comment>dlg.locked.here</comment>
        <translation>The file {path} is already open in another DTPL Studio window.</translation>
    </message>
    <message>
        <source>oleh {user} di komputer {host} (proses {pid}) sejak {since}</source>
        <comment>dlg.locked.who</comment>
        <translation>by {user} on {host} (process {pid}) since {since}</translation>
    </message>
    <message>
        <source>Berkas {path} sedang dibuka {who}.

Tutup di sana terlebih dahulu. Jika program itu sudah tidak berjalan, hapus berkas {lock} di samping proyek.</source>
        <comment>dlg.locked.text</comment>
        <translation>The file {path} is open {who}.

Close it there first. If that program is no longer running, delete {lock} next to the project.</translation>
    </message>
    <message>
        <source>Berkas {path} tidak dapat dibuka.

{error}</source>
        <comment>dlg.open_failed.text</comment>
        <translation>The file {path} cannot be opened.

{error}</translation>
    </message>
    <message>
        <source>Gagal menyimpan</source>
        <comment>dlg.save_failed.title</comment>
        <translation>Cannot save</translation>
    </message>
    <message>
        <source>Proyek tidak dapat disimpan ke {path}.

{error}</source>
        <comment>dlg.save_failed.text</comment>
        <translation>The project cannot be saved to {path}.

{error}</translation>
    </message>
    <message>
        <source>Ekspor PDF gagal</source>
        <comment>dlg.export_failed.title</comment>
        <translation>PDF export failed</translation>
    </message>
    <message>
        <source>PDF tidak dapat dibuat.

{error}</source>
        <comment>dlg.export_failed.text</comment>
        <translation>The PDF could not be made.

{error}</translation>
    </message>
    <message>
        <source>Menyusun PDF DTPL…</source>
        <comment>dlg.export.progress</comment>
        <translation>Building the DTPL PDF…</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>dlg.export.cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bagian yang dicetak (urutan templat DTPL):</source>
        <comment>exp.sections</comment>
        <translation>Sections to print (DTPL template order):</translation>
    </message>
    <message>
        <source>Bagian</source>
        <comment>exp.col.section</comment>
        <translation>Section</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <comment>exp.col.note</comment>
        <translation>Note</translation>
    </message>
    <message>
        <source>Berkas PDF:</source>
        <comment>exp.file</comment>
        <translation>PDF file:</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <comment>exp.browse</comment>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Pilih bagian dan berkas, lalu tekan Ekspor.</source>
        <comment>exp.ready</comment>
        <translation>Choose the sections and the file, then press Export.</translation>
    </message>
    <message>
        <source>Ekspor</source>
        <comment>exp.start</comment>
        <translation>Export</translation>
    </message>
    <message>
        <source>Tutup</source>
        <comment>exp.close</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih paling sedikit satu bagian untuk dicetak.</source>
        <comment>exp.none_chosen</comment>
        <translation>Choose at least one section to print.</translation>
    </message>
    <message>
        <source>Isi nama berkas PDF tujuan.</source>
        <comment>exp.no_file</comment>
        <translation>Enter the name of the PDF file to write.</translation>
    </message>
    <message>
        <source>Ekspor lain sedang berjalan; tunggu sampai selesai.</source>
        <comment>exp.busy</comment>
        <translation>Another export is running; wait until it has finished.</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang ditinggalkan dan berkas lama (bila ada) tidak diubah.</source>
        <comment>exp.cancelled</comment>
        <translation>Export cancelled; no file was left behind and the old file (if any) is unchanged.</translation>
    </message>
    <message>
        <source>Ekspor gagal; tidak ada berkas yang ditinggalkan dan berkas lama (bila ada) tidak diubah.</source>
        <comment>exp.failed</comment>
        <translation>Export failed; no file was left behind and the old file (if any) is unchanged.</translation>
    </message>
    <message>
        <source>Ekspor RAB xlsx</source>
        <comment>dlg.export_xlsx.title</comment>
        <translation>Export RAB xlsx</translation>
    </message>
    <message>
        <source>Menyusun buku kerja RAB…</source>
        <comment>dlg.export_xlsx.progress</comment>
        <translation>Building the RAB workbook…</translation>
    </message>
    <message>
        <source>Ekspor xlsx gagal</source>
        <comment>dlg.export_xlsx_failed.title</comment>
        <translation>xlsx export failed</translation>
    </message>
    <message>
        <source>Buku kerja RAB tidak dapat dibuat.

{error}</source>
        <comment>dlg.export_xlsx_failed.text</comment>
        <translation>The RAB workbook could not be created.

{error}</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <comment>dlg.filter.xlsx</comment>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <comment>dlg.unsaved.title</comment>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Proyek {name} telah diubah. Simpan perubahan?</source>
        <comment>dlg.unsaved.text</comment>
        <translation>The project {name} has been modified. Save the changes?</translation>
    </message>
    <message>
        <source>Simpan</source>
        <comment>dlg.unsaved.save</comment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Jangan simpan</source>
        <comment>dlg.unsaved.discard</comment>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>dlg.unsaved.cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Terjadi kesalahan</source>
        <comment>dlg.unexpected.title</comment>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Terjadi kesalahan yang tidak terduga:

{error}

Rincian teknis dicatat di log.</source>
        <comment>dlg.unexpected.text</comment>
        <translation>An unexpected error occurred:

{error}

Technical details are in the log.</translation>
    </message>
    <message>
        <source>&lt;p&gt;Yang terbuka sekarang adalah &lt;b&gt;proyek demo&lt;/b&gt;: satu kelurahan fiktif dengan paket perencanaan dan jalan rabat beton dengan saluran, dihitung dari buku harga AHSP Cipta Karya 2023 bawaan. Silakan ubah volume, baris back-up dan item untuk mencoba; cek pagu BLM dan ekspor PDF DTPL ada di menu.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Memulai proyek sendiri:&lt;/b&gt; pilih &lt;i&gt;Berkas → Proyek baru…&lt;/i&gt; dan beri nama berkasnya (.dtpl), lalu isi kelurahan, kota, tahun anggaran dan penandatangan di &lt;i&gt;Berkas → Pengaturan proyek…&lt;/i&gt;. Langkah demi langkah ada di &lt;i&gt;Bantuan → Panduan pengguna&lt;/i&gt; (F1). Proyek terakhir ada di &lt;i&gt;Berkas → Buka terakhir&lt;/i&gt;.&lt;/p&gt;</source>
        <comment>welcome.text</comment>
        <translation>&lt;p&gt;What is open now is the &lt;b&gt;demo project&lt;/b&gt;: a fictional kelurahan with a planning package and a concrete road with a side drain, priced from the shipped AHSP Cipta Karya 2023 price book. Change volumes, back-up lines and items to try it; the BLM check and the DTPL PDF export are in the menus.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Starting your own project:&lt;/b&gt; choose &lt;i&gt;File → New project…&lt;/i&gt; and name its file (.dtpl), then fill in the kelurahan, city, fiscal year and signatories under &lt;i&gt;File → Project settings…&lt;/i&gt;. The steps are in &lt;i&gt;Help → User guide&lt;/i&gt; (F1). Recent projects are under &lt;i&gt;File → Open recent&lt;/i&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Panduan pengguna tidak ada di instalasi ini (paketnya tidak lengkap). Pasang ulang DTPL Studio, atau dari folder sumber jalankan: make docs</source>
        <comment>guide.missing</comment>
        <translation>The user guide is missing from this installation (the package is incomplete). Reinstall DTPL Studio, or from the source folder run: make docs</translation>
    </message>
    <message>
        <source>&amp;Bahasa</source>
        <comment>menu.language</comment>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Jangan sekarang, buka yang tersimpan</source>
        <comment>recover.discard</comment>
        <translation>Not now, open the saved one</translation>
    </message>
    <message>
        <source>Bila tidak dipulihkan sekarang, salinan pemulihan tetap disimpan sampai proyek disimpan lagi, dan ditawarkan lagi saat proyek ini dibuka.</source>
        <comment>recover.kept</comment>
        <translation>If you do not recover it now, the recovery copy is kept until the project is saved again, and offered again when this project is opened.</translation>
    </message>
    <message>
        <source>Masih ada {n} salinan pemulihan lain yang pernah tidak Anda pulihkan (tersimpan otomatis pada {when}); salinan itu juga disimpan sampai proyek disimpan lagi dan ditawarkan sesudah salinan ini.</source>
        <comment>recover.older</comment>
        <translation>There are {n} more recovery copies you chose not to recover (autosaved at {when}); they are kept too until the project is saved again, and offered after this one.</translation>
    </message>
    <message>
        <source>Salinan ini pernah tidak Anda pulihkan; salinan itu disimpan sampai proyek disimpan lagi.</source>
        <comment>recover.declined</comment>
        <translation>You did not recover this copy before; it is kept until the project is saved again.</translation>
    </message>
    <message>
        <source>Berkas sudah ada</source>
        <comment>dlg.overwrite.title</comment>
        <translation>File already exists</translation>
    </message>
    <message>
        <source>{name} sudah ada. Ganti berkas itu? Isinya yang sekarang akan hilang.</source>
        <comment>dlg.overwrite.text</comment>
        <translation>{name} already exists. Replace it? Its current content will be lost.</translation>
    </message>
    <message>
        <source>&amp;Struktur RAB</source>
        <comment>menu.structure</comment>
        <translation>Estimate &amp;structure</translation>
    </message>
    <message>
        <source>Tambah &amp;bagian</source>
        <comment>action.add_section</comment>
        <translation>Add &amp;section</translation>
    </message>
    <message>
        <source>Pindah ke &amp;atas</source>
        <comment>action.move_up</comment>
        <translation>Move &amp;up</translation>
    </message>
    <message>
        <source>Pindah ke &amp;bawah</source>
        <comment>action.move_down</comment>
        <translation>Move &amp;down</translation>
    </message>
    <message>
        <source>Masukkan ke bagian di atasnya</source>
        <comment>action.indent</comment>
        <translation>Move into the section above</translation>
    </message>
    <message>
        <source>Keluarkan dari bagian</source>
        <comment>action.outdent</comment>
        <translation>Move out of the section</translation>
    </message>
    <message>
        <source>&amp;Hapus baris terpilih</source>
        <comment>action.remove_node</comment>
        <translation>&amp;Delete selected row</translation>
    </message>
    <message>
        <source>Tambah &amp;paket</source>
        <comment>action.add_package</comment>
        <translation>Add &amp;package</translation>
    </message>
    <message>
        <source>Hapus paket</source>
        <comment>action.remove_package</comment>
        <translation>Delete package</translation>
    </message>
    <message>
        <source>Pengaturan &amp;proyek…</source>
        <comment>action.settings</comment>
        <translation>Project &amp;settings…</translation>
    </message>
    <message>
        <source>Tambah bagian {item}</source>
        <comment>cmd.add_section</comment>
        <translation>Add section {item}</translation>
    </message>
    <message>
        <source>Pindahkan {item}</source>
        <comment>cmd.move</comment>
        <translation>Move {item}</translation>
    </message>
    <message>
        <source>Tambah paket {item}</source>
        <comment>cmd.add_package</comment>
        <translation>Add package {item}</translation>
    </message>
    <message>
        <source>Impor &amp;RAB…</source>
        <comment>action.import_rab</comment>
        <translation>Import &amp;RAB…</translation>
    </message>
    <message>
        <source>Impor RAB {item}</source>
        <comment>cmd.import_rab</comment>
        <translation>Import RAB {item}</translation>
    </message>
    <message>
        <source>Impor daftar &amp;harga…</source>
        <comment>action.import_prices</comment>
        <translation>Import &amp;price list…</translation>
    </message>
    <message>
        <source>Impor daftar harga</source>
        <comment>wiz.title</comment>
        <translation>Import price list</translation>
    </message>
    <message>
        <source>Tutup</source>
        <comment>wiz.finish</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>1. Berkas</source>
        <comment>wiz.file.title</comment>
        <translation>1. File</translation>
    </message>
    <message>
        <source>Pilih daftar harga (CSV, JSON, xlsx). Wilayah dan tahun diisi dari berkas bila tertulis di sana; bila tidak, wajib diisi.</source>
        <comment>wiz.file.subtitle</comment>
        <translation>Choose a price list (CSV, JSON, xlsx). Region and year are filled from the file when it states them; otherwise they are required.</translation>
    </message>
    <message>
        <source>Berkas:</source>
        <comment>wiz.file.file</comment>
        <translation>File:</translation>
    </message>
    <message>
        <source>Pilih…</source>
        <comment>wiz.file.browse</comment>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>Impor daftar harga</source>
        <comment>wiz.file.open</comment>
        <translation>Import price list</translation>
    </message>
    <message>
        <source>Daftar harga (*.csv *.json *.xlsx *.xlsm);;Semua berkas (*)</source>
        <comment>wiz.file.filter</comment>
        <translation>Price lists (*.csv *.json *.xlsx *.xlsm);;All files (*)</translation>
    </message>
    <message>
        <source>Tata letak terdeteksi: {layout}</source>
        <comment>wiz.file.detected</comment>
        <translation>Detected layout: {layout}</translation>
    </message>
    <message>
        <source>Tata letak tidak dikenali: pilih di halaman berikut.</source>
        <comment>wiz.file.undetected</comment>
        <translation>Layout not recognised: choose it on the next page.</translation>
    </message>
    <message>
        <source>Wilayah:</source>
        <comment>wiz.file.region</comment>
        <translation>Region:</translation>
    </message>
    <message>
        <source>mis. Kabupaten Pangandaran</source>
        <comment>wiz.file.region_placeholder</comment>
        <translation>e.g. Kabupaten Pangandaran</translation>
    </message>
    <message>
        <source>Tahun:</source>
        <comment>wiz.file.year</comment>
        <translation>Year:</translation>
    </message>
    <message>
        <source>dari berkas</source>
        <comment>wiz.file.from_file</comment>
        <translation>from the file</translation>
    </message>
    <message>
        <source>wajib: berkas tidak menyebutnya</source>
        <comment>wiz.file.required</comment>
        <translation>required: the file does not state it</translation>
    </message>
    <message>
        <source>dari lembar Edisi</source>
        <comment>wiz.file.from_edition</comment>
        <translation>from the Edisi sheet</translation>
    </message>
    <message>
        <source>2. Pratinjau</source>
        <comment>wiz.preview.title</comment>
        <translation>2. Preview</translation>
    </message>
    <message>
        <source>Berkas seperti yang akan dibaca. Baris judul yang terdeteksi ditandai ▶ dan berwarna.</source>
        <comment>wiz.preview.subtitle</comment>
        <translation>The file as it will be read. The detected heading row is marked ▶ and shaded.</translation>
    </message>
    <message>
        <source>Tata letak:</source>
        <comment>wiz.preview.layout</comment>
        <translation>Layout:</translation>
    </message>
    <message>
        <source>(pilih tata letak)</source>
        <comment>wiz.preview.choose_layout</comment>
        <translation>(choose a layout)</translation>
    </message>
    <message>
        <source>Dibaca sebagai:</source>
        <comment>wiz.preview.read_as</comment>
        <translation>Read as:</translation>
    </message>
    <message>
        <source>Penulisan angka:</source>
        <comment>wiz.preview.convention</comment>
        <translation>Number format:</translation>
    </message>
    <message>
        <source>CSV {encoding}, pemisah &apos;{delimiter}&apos;, {rows} baris</source>
        <comment>wiz.preview.csv</comment>
        <translation>CSV {encoding}, delimiter &apos;{delimiter}&apos;, {rows} rows</translation>
    </message>
    <message>
        <source>buku kerja; lembar yang ditampilkan: {sheet} (dari {sheets} lembar); {rows} baris</source>
        <comment>wiz.preview.xlsx</comment>
        <translation>workbook; sheet shown: {sheet} (of {sheets} sheets); {rows} rows</translation>
    </message>
    <message>
        <source>JSON, {rows} rekaman (baris 0 = kunci)</source>
        <comment>wiz.preview.json</comment>
        <translation>JSON, {rows} records (row 0 = keys)</translation>
    </message>
    <message>
        <source>baris judul: baris {line}</source>
        <comment>wiz.preview.header</comment>
        <translation>heading row: line {line}</translation>
    </message>
    <message>
        <source>tata letak tetap: tidak ada satu baris judul</source>
        <comment>wiz.preview.fixed_header</comment>
        <translation>fixed layout: no single heading row</translation>
    </message>
    <message>
        <source>baris judul yang terdeteksi</source>
        <comment>wiz.preview.header_tip</comment>
        <translation>the detected heading row</translation>
    </message>
    <message>
        <source>Indonesia (1.234,5)</source>
        <comment>wiz.convention.id</comment>
        <translation>Indonesian (1.234,5)</translation>
    </message>
    <message>
        <source>Amerika (1,234.5)</source>
        <comment>wiz.convention.us</comment>
        <translation>US (1,234.5)</translation>
    </message>
    <message>
        <source>terdeteksi dari kolom harga; ubah bila salah</source>
        <comment>wiz.convention.detected</comment>
        <translation>detected from the price column; change it if wrong</translation>
    </message>
    <message>
        <source>tidak dapat dipastikan dari kolom harga; bawaan Indonesia</source>
        <comment>wiz.convention.undecided</comment>
        <translation>cannot be decided from the price column; Indonesian by default</translation>
    </message>
    <message>
        <source>angka JSON (bukan teks): tidak ada konvensi yang dipilih; tidak dapat diubah</source>
        <comment>wiz.convention.json</comment>
        <translation>JSON numbers (not text): no convention to choose; cannot be changed</translation>
    </message>
    <message>
        <source>angka sel dibaca apa adanya; teks angka dibaca konvensi Indonesia (1.234,5). Pengimpor ini tidak menerima pilihan lain.</source>
        <comment>wiz.convention.xlsx</comment>
        <translation>cell numbers are read as they are; numbers written as text are read in the Indonesian convention (1.234,5). This importer takes no other choice.</translation>
    </message>
    <message>
        <source>ditentukan oleh pengimpor tata letak ini; tidak dapat diubah di sini</source>
        <comment>wiz.convention.fixed</comment>
        <translation>decided by this layout&apos;s importer; cannot be changed here</translation>
    </message>
    <message>
        <source>3. Pemetaan kolom</source>
        <comment>wiz.mapping.title</comment>
        <translation>3. Column mapping</translation>
    </message>
    <message>
        <source>Kolom yang terdeteksi dari baris judul (baris {line}). Ubah bila salah; * = wajib.</source>
        <comment>wiz.mapping.subtitle_csv</comment>
        <translation>Columns detected from the heading row (line {line}). Change them if wrong; * = required.</translation>
    </message>
    <message>
        <source>Tata letak {layout} membaca isian yang tetap: pemetaan hanya ditampilkan.</source>
        <comment>wiz.mapping.subtitle_fixed</comment>
        <translation>Layout {layout} reads fixed fields: the mapping is shown only.</translation>
    </message>
    <message>
        <source>Setiap peran dibaca dari kolom yang dipilih di sini.</source>
        <comment>wiz.mapping.note_csv</comment>
        <translation>Each role is read from the column chosen here.</translation>
    </message>
    <message>
        <source>Pengimpor ini tidak menerima pemetaan lain.</source>
        <comment>wiz.mapping.note_fixed</comment>
        <translation>This importer takes no other mapping.</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <comment>wiz.mapping.none</comment>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Isian</source>
        <comment>wiz.mapping.field</comment>
        <translation>Field</translation>
    </message>
    <message>
        <source>Dibaca dari</source>
        <comment>wiz.mapping.source</comment>
        <translation>Read from</translation>
    </message>
    <message>
        <source>semua isian</source>
        <comment>wiz.mapping.all</comment>
        <translation>all fields</translation>
    </message>
    <message>
        <source>ditentukan oleh pengimpor {layout}</source>
        <comment>wiz.mapping.by_importer</comment>
        <translation>decided by the {layout} importer</translation>
    </message>
    <message>
        <source>Kolom wajib belum dipilih: {roles}</source>
        <comment>wiz.mapping.missing</comment>
        <translation>Required columns not chosen: {roles}</translation>
    </message>
    <message>
        <source>Satu kolom dipilih untuk beberapa peran: {roles}</source>
        <comment>wiz.mapping.twice</comment>
        <translation>One column chosen for several roles: {roles}</translation>
    </message>
    <message>
        <source>4. Impor dan temuan</source>
        <comment>wiz.run.title</comment>
        <translation>4. Import and findings</translation>
    </message>
    <message>
        <source>Mengimpor {file}… (belum ada yang disimpan)</source>
        <comment>wiz.run.running</comment>
        <translation>Importing {file}… (nothing stored yet)</translation>
    </message>
    <message>
        <source>Batalkan impor</source>
        <comment>wiz.run.cancel</comment>
        <translation>Cancel import</translation>
    </message>
    <message>
        <source>Impor lagi</source>
        <comment>wiz.run.again</comment>
        <translation>Import again</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada yang disimpan.</source>
        <comment>wiz.run.cancelled</comment>
        <translation>Import cancelled; nothing was stored.</translation>
    </message>
    <message>
        <source>{file} terbaca. Periksa temuan, lalu Lanjut untuk menyimpan.</source>
        <comment>wiz.run.done</comment>
        <translation>{file} read. Check the findings, then Next to store it.</translation>
    </message>
    <message>
        <source>Impor gagal; tidak ada yang disimpan.
{error}</source>
        <comment>wiz.run.failed</comment>
        <translation>The import failed; nothing was stored.
{error}</translation>
    </message>
    <message>
        <source>Tampilkan:</source>
        <comment>wiz.run.filter</comment>
        <translation>Show:</translation>
    </message>
    <message>
        <source>semua ({n})</source>
        <comment>wiz.run.filter.all</comment>
        <translation>all ({n})</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <comment>wiz.run.col.severity</comment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <comment>wiz.run.col.where</comment>
        <translation>Location</translation>
    </message>
    <message>
        <source>Temuan</source>
        <comment>wiz.run.col.message</comment>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Tertulis</source>
        <comment>wiz.run.col.raw</comment>
        <translation>Raw</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <comment>wiz.run.col.action</comment>
        <translation>Action</translation>
    </message>
    <message>
        <source>Sel</source>
        <comment>wiz.run.tab.cell</comment>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Klik ganda sebuah temuan untuk melihat selnya.</source>
        <comment>wiz.run.cell_hint</comment>
        <translation>Double-click a finding to see its cell.</translation>
    </message>
    <message>
        <source>Temuan ini tidak menunjuk sebuah sel.</source>
        <comment>wiz.run.cell_none</comment>
        <translation>This finding points at no cell.</translation>
    </message>
    <message>
        <source>Baris {line}, kolom {column} (tertulis: {raw})</source>
        <comment>wiz.run.cell_line</comment>
        <translation>Line {line}, column {column} (raw: {raw})</translation>
    </message>
    <message>
        <source>Lembar {sheet}, sel {cell} (tertulis: {raw})</source>
        <comment>wiz.run.cell_xlsx</comment>
        <translation>Sheet {sheet}, cell {cell} (raw: {raw})</translation>
    </message>
    <message>
        <source>Satuan perlu dipetakan ({n})</source>
        <comment>wiz.units.tab</comment>
        <translation>Units to map ({n})</translation>
    </message>
    <message>
        <source>Satuan tertulis</source>
        <comment>wiz.units.col.unit</comment>
        <translation>Unit as written</translation>
    </message>
    <message>
        <source>Baris</source>
        <comment>wiz.units.col.count</comment>
        <translation>Rows</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <comment>wiz.units.col.where</comment>
        <translation>Locations</translation>
    </message>
    <message>
        <source>(kosong)</source>
        <comment>wiz.units.empty</comment>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>Petakan satuan…</source>
        <comment>wiz.units.map</comment>
        <translation>Map units…</translation>
    </message>
    <message>
        <source>Semua satuan dikenal.</source>
        <comment>wiz.units.none</comment>
        <translation>Every unit is known.</translation>
    </message>
    <message>
        <source>{units} satuan tidak dikenal; {rows} baris tidak diambil.</source>
        <comment>wiz.units.note</comment>
        <translation>{units} unknown units; {rows} rows left out.</translation>
    </message>
    <message>
        <source>Penyimpanan pemetaan satuan belum tersedia di versi ini.</source>
        <comment>wiz.units.no_store</comment>
        <translation>The unit mapping store is not available in this version yet.</translation>
    </message>
    <message>
        <source>5. Simpan ke pustaka</source>
        <comment>wiz.commit.title</comment>
        <translation>5. Store in the library</translation>
    </message>
    <message>
        <source>Simpan sebagai edisi baru, atau Batal: tidak ada yang disimpan.</source>
        <comment>wiz.commit.subtitle</comment>
        <translation>Store as a new edition, or Cancel: nothing is stored.</translation>
    </message>
    <message>
        <source>{kind} {region} {year}: {resources} upah/bahan/alat, {analyses} analisa, dari {file}</source>
        <comment>wiz.commit.what</comment>
        <translation>{kind} {region} {year}: {resources} resources, {analyses} analyses, from {file}</translation>
    </message>
    <message>
        <source>Terbitkan (edisi tidak dapat diubah lagi)</source>
        <comment>wiz.commit.publish</comment>
        <translation>Publish (the edition can no longer be changed)</translation>
    </message>
    <message>
        <source>Tanpa centang: disimpan sebagai draf yang masih dapat disunting.</source>
        <comment>wiz.commit.publish_tip</comment>
        <translation>Unchecked: stored as a draft that can still be edited.</translation>
    </message>
    <message>
        <source>Simpan ke pustaka</source>
        <comment>wiz.commit.store</comment>
        <translation>Store in the library</translation>
    </message>
    <message>
        <source>Siap disimpan.</source>
        <comment>wiz.commit.ready</comment>
        <translation>Ready to store.</translation>
    </message>
    <message>
        <source>Tidak ada yang disimpan: laporan impor tidak dapat dipakai. {status}</source>
        <comment>wiz.commit.refused</comment>
        <translation>Nothing is stored: the import report is not usable. {status}</translation>
    </message>
    <message>
        <source>berkas tidak menghasilkan satu pun upah/bahan/alat atau analisa</source>
        <comment>wiz.commit.empty</comment>
        <translation>the file gave no resource and no analysis</translation>
    </message>
    <message>
        <source>Tidak ada yang disimpan.
{error}</source>
        <comment>wiz.commit.failed</comment>
        <translation>Nothing was stored.
{error}</translation>
    </message>
    <message>
        <source>Disimpan sebagai edisi #{id} di {where}.</source>
        <comment>wiz.commit.stored</comment>
        <translation>Stored as edition #{id} in {where}.</translation>
    </message>
    <message>
        <source>Edisi yang sama sudah ada: edisi #{id} di {where}; tidak ada yang ditambahkan.</source>
        <comment>wiz.commit.existing</comment>
        <translation>The same edition is already there: edition #{id} in {where}; nothing added.</translation>
    </message>
    <message>
        <source>Buka pustaka harga</source>
        <comment>wiz.commit.open_library</comment>
        <translation>Open the price library</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <comment>wiz.back</comment>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <comment>wiz.next</comment>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>wiz.cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Petakan satuan</source>
        <comment>units.map.title</comment>
        <translation>Map units</translation>
    </message>
    <message>
        <source>Tulis arti setiap ejaan satuan yang tidak dikenal (mis. m2, m3, kg, bh, ls). Pemetaan disimpan dan dipakai setiap impor berikutnya; impor ini dijalankan lagi.</source>
        <comment>units.map.intro</comment>
        <translation>Write what each unknown unit spelling means (e.g. m2, m3, kg, bh, ls). The mappings are kept and used by every later import; this import runs again.</translation>
    </message>
    <message>
        <source>Tertulis</source>
        <comment>units.map.h.spelling</comment>
        <translation>Written</translation>
    </message>
    <message>
        <source>Di mana</source>
        <comment>units.map.h.where</comment>
        <translation>Where</translation>
    </message>
    <message>
        <source>Berarti satuan</source>
        <comment>units.map.h.target</comment>
        <translation>Means unit</translation>
    </message>
    <message>
        <source>kosongkan bila belum tahu</source>
        <comment>units.map.placeholder</comment>
        <translation>leave empty if unsure</translation>
    </message>
    <message>
        <source>Simpan dan impor lagi</source>
        <comment>units.map.save</comment>
        <translation>Save and import again</translation>
    </message>
    <message>
        <source>&apos;{spelling}&apos; → &apos;{target}&apos; tidak disimpan: {reason}</source>
        <comment>units.map.refused</comment>
        <translation>&apos;{spelling}&apos; → &apos;{target}&apos; not kept: {reason}</translation>
    </message>
    <message>
        <source>Impor berjalan di latar; Batalkan impor menghentikannya. Klik ganda temuan untuk melihat selnya.</source>
        <comment>wiz.run.subtitle</comment>
        <translation>The import runs in the background; Cancel import stops it. Double-click a finding to see its cell.</translation>
    </message>
    <message>
        <source>Berkas ini paket edisi (.dtplharga), bukan daftar harga: paket diterima lewat pustaka harga (dtpl-studio import-prices BERKAS.dtplharga), tidak lewat wizard ini.</source>
        <comment>wiz.file.package</comment>
        <translation>This file is an edition package (.dtplharga), not a price list: packages are taken in through the price library (dtpl-studio import-prices FILE.dtplharga), not through this wizard.</translation>
    </message>
    <message>
        <source>Sel {cell} di lembar {sheet} tidak dapat ditampilkan: {reason}</source>
        <comment>wiz.run.cell_unreadable</comment>
        <translation>Cell {cell} of sheet {sheet} cannot be shown: {reason}</translation>
    </message>
    <message>
        <source>Tata letak ini tidak menyebut wilayah atau tahun: isi di halaman 1 (Kembali).</source>
        <comment>wiz.preview.needs_region</comment>
        <translation>This layout does not state the region or the year: fill them in on page 1 (Back).</translation>
    </message>
    <message>
        <source>Impor RAB dari buku kerja atau CSV</source>
        <comment>dlg.import_rab.open</comment>
        <translation>Import a RAB from a workbook or CSV</translation>
    </message>
    <message>
        <source>RAB (*.xlsx *.xlsm *.csv)</source>
        <comment>dlg.filter.rab</comment>
        <translation>RAB (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message>
        <source>Impor RAB: {file}</source>
        <comment>dlg.import_rab.title</comment>
        <translation>Import RAB: {file}</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <comment>dlg.import_rab.severity</comment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Sel</source>
        <comment>dlg.import_rab.where</comment>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Temuan</source>
        <comment>dlg.import_rab.message</comment>
        <translation>Finding</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <comment>dlg.import_rab.action</comment>
        <translation>Action</translation>
    </message>
    <message>
        <source>Tambahkan ke proyek</source>
        <comment>dlg.import_rab.add</comment>
        <translation>Add to project</translation>
    </message>
    <message>
        <source>Impor RAB gagal</source>
        <comment>dlg.import_rab.failed</comment>
        <translation>RAB import failed</translation>
    </message>
    <message>
        <source>RAB tidak dapat diimpor.

{error}</source>
        <comment>dlg.import_rab.failed_text</comment>
        <translation>The RAB cannot be imported.

{error}</translation>
    </message>
    <message>
        <source>Hapus paket {item}</source>
        <comment>cmd.remove_package</comment>
        <translation>Delete package {item}</translation>
    </message>
    <message>
        <source>Ubah pengaturan proyek</source>
        <comment>cmd.settings</comment>
        <translation>Change project settings</translation>
    </message>
    <message>
        <source>BAGIAN BARU</source>
        <comment>new.section</comment>
        <translation>NEW SECTION</translation>
    </message>
    <message>
        <source>Paket baru</source>
        <comment>new.package</comment>
        <translation>New package</translation>
    </message>
    <message>
        <source>PEKERJAAN PERSIAPAN</source>
        <comment>new.division</comment>
        <translation>PREPARATORY WORKS</translation>
    </message>
    <message>
        <source>Tidak dapat: {reason}</source>
        <comment>tree.cannot</comment>
        <translation>Not possible: {reason}</translation>
    </message>
    <message>
        <source>Tidak dipindah: sudah paling atas di bagiannya.</source>
        <comment>tree.first</comment>
        <translation>Not moved: already first in its section.</translation>
    </message>
    <message>
        <source>Tidak dipindah: sudah paling bawah di bagiannya.</source>
        <comment>tree.last</comment>
        <translation>Not moved: already last in its section.</translation>
    </message>
    <message>
        <source>Tidak dipindah: tidak ada bagian tepat di atasnya untuk dimasuki.</source>
        <comment>tree.no_indent</comment>
        <translation>Not moved: there is no section right above it to move into.</translation>
    </message>
    <message>
        <source>Tidak dipindah: sudah di tingkat teratas paket (item selalu berada di dalam sebuah divisi).</source>
        <comment>tree.no_outdent</comment>
        <translation>Not moved: already at the package&apos;s top level (an item always sits in a division).</translation>
    </message>
    <message>
        <source>Pilih dulu bagian atau item di RAB.</source>
        <comment>tree.nothing</comment>
        <translation>Select a section or an item of the estimate first.</translation>
    </message>
    <message>
        <source>Data &amp;umum…</source>
        <comment>action.data_umum</comment>
        <translation>General &amp;data…</translation>
    </message>
    <message>
        <source>ubah data umum</source>
        <comment>cmd.data_umum</comment>
        <translation>change general data</translation>
    </message>
    <message>
        <source>Data umum</source>
        <comment>du.title</comment>
        <translation>General data</translation>
    </message>
    <message>
        <source>Paket:</source>
        <comment>du.package</comment>
        <translation>Package:</translation>
    </message>
    <message>
        <source>Paket: {name}</source>
        <comment>du.package_heading</comment>
        <translation>Package: {name}</translation>
    </message>
    <message>
        <source>Belum ada paket</source>
        <comment>du.no_package</comment>
        <translation>No package yet</translation>
    </message>
    <message>
        <source>Wilayah &amp;&amp; kelembagaan</source>
        <comment>du.tab.wilayah</comment>
        <translation>Area &amp;&amp; institutions</translation>
    </message>
    <message>
        <source>Lokasi &amp;&amp; penerima manfaat</source>
        <comment>du.tab.lokasi</comment>
        <translation>Location &amp;&amp; beneficiaries</translation>
    </message>
    <message>
        <source>Kondisi &amp;&amp; KPP</source>
        <comment>du.tab.kondisi</comment>
        <translation>Condition &amp;&amp; O&amp;&amp;M</translation>
    </message>
    <message>
        <source>Kelurahan/desa</source>
        <comment>du.kelurahan</comment>
        <translation>Kelurahan/village</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <comment>du.kecamatan</comment>
        <translation>District (kecamatan)</translation>
    </message>
    <message>
        <source>Kota/kabupaten</source>
        <comment>du.kota</comment>
        <translation>City/regency</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <comment>du.provinsi</comment>
        <translation>Province</translation>
    </message>
    <message>
        <source>BKM/LKM</source>
        <comment>du.bkm</comment>
        <translation>BKM/LKM</translation>
    </message>
    <message>
        <source>Koordinator BKM/LKM</source>
        <comment>du.bkm_ketua</comment>
        <translation>BKM/LKM coordinator</translation>
    </message>
    <message>
        <source>Tempat pengesahan</source>
        <comment>du.sign_place</comment>
        <translation>Place of approval</translation>
    </message>
    <message>
        <source>kosong = nama kelurahan</source>
        <comment>du.sign_place_hint</comment>
        <translation>empty = the kelurahan&apos;s name</translation>
    </message>
    <message>
        <source>Tanggal pengesahan</source>
        <comment>du.sign_date</comment>
        <translation>Date of approval</translation>
    </message>
    <message>
        <source>mis. 12 Desember 2026; kosong = diisi tangan</source>
        <comment>du.sign_date_hint</comment>
        <translation>e.g. 12 Desember 2026; empty = written by hand</translation>
    </message>
    <message>
        <source>KSM/TPK</source>
        <comment>du.ksm</comment>
        <translation>KSM/TPK</translation>
    </message>
    <message>
        <source>Ketua KSM/TPK</source>
        <comment>du.ksm_ketua</comment>
        <translation>KSM/TPK chair</translation>
    </message>
    <message>
        <source>Alamat/lokasi</source>
        <comment>du.location</comment>
        <translation>Address/location</translation>
    </message>
    <message>
        <source>RT</source>
        <comment>du.rt</comment>
        <translation>RT</translation>
    </message>
    <message>
        <source>RW</source>
        <comment>du.rw</comment>
        <translation>RW</translation>
    </message>
    <message>
        <source>Lintang (latitude)</source>
        <comment>du.latitude</comment>
        <translation>Latitude</translation>
    </message>
    <message>
        <source>Bujur (longitude)</source>
        <comment>du.longitude</comment>
        <translation>Longitude</translation>
    </message>
    <message>
        <source>Jumlah KK</source>
        <comment>du.kk</comment>
        <translation>Households (KK)</translation>
    </message>
    <message>
        <source>Jumlah jiwa</source>
        <comment>du.jiwa</comment>
        <translation>People (jiwa)</translation>
    </message>
    <message>
        <source>Jumlah KK miskin</source>
        <comment>du.kk_miskin</comment>
        <translation>Poor households</translation>
    </message>
    <message>
        <source>Jumlah perempuan</source>
        <comment>du.perempuan</comment>
        <translation>Women</translation>
    </message>
    <message>
        <source>Kondisi eksisting</source>
        <comment>du.kondisi</comment>
        <translation>Existing condition</translation>
    </message>
    <message>
        <source>Permasalahan yang diatasi</source>
        <comment>du.masalah</comment>
        <translation>Problem the work solves</translation>
    </message>
    <message>
        <source>KPP (pengelola)</source>
        <comment>du.kpp_nama</comment>
        <translation>KPP (maintenance group)</translation>
    </message>
    <message>
        <source>Kegiatan pemeliharaan</source>
        <comment>du.kpp_kegiatan</comment>
        <translation>Maintenance activities</translation>
    </message>
    <message>
        <source>Sumber dana pemeliharaan</source>
        <comment>du.kpp_dana</comment>
        <translation>Maintenance funds</translation>
    </message>
    <message>
        <source>{field}: &quot;{text}&quot; bukan bilangan bulat ≥ 0.</source>
        <comment>du.bad_count</comment>
        <translation>{field}: &quot;{text}&quot; is not a whole number ≥ 0.</translation>
    </message>
    <message>
        <source>{field}: &quot;{text}&quot; bukan angka derajat desimal (contoh -6,9175).</source>
        <comment>du.bad_degrees</comment>
        <translation>{field}: &quot;{text}&quot; is not a number of decimal degrees (e.g. -6.9175).</translation>
    </message>
    <message>
        <source>{field}: {text} di luar rentang -{limit} sampai {limit} derajat.</source>
        <comment>du.bad_range</comment>
        <translation>{field}: {text} is outside -{limit} to {limit} degrees.</translation>
    </message>
    <message>
        <source>{part} ({a}) tidak boleh melebihi {whole} ({b}).</source>
        <comment>du.part_above</comment>
        <translation>{part} ({a}) may not exceed {whole} ({b}).</translation>
    </message>
    <message>
        <source>Belum diisi: {fields}</source>
        <comment>du.missing</comment>
        <translation>Not filled in yet: {fields}</translation>
    </message>
    <message>
        <source>Pengaturan proyek</source>
        <comment>set.title</comment>
        <translation>Project settings</translation>
    </message>
    <message>
        <source>Lokasi dan program</source>
        <comment>set.location</comment>
        <translation>Location and programme</translation>
    </message>
    <message>
        <source>Judul kegiatan</source>
        <comment>set.program_title</comment>
        <translation>Activity title</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <comment>set.kelurahan</comment>
        <translation>Kelurahan</translation>
    </message>
    <message>
        <source>Kecamatan</source>
        <comment>set.kecamatan</comment>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <source>Kota/kabupaten</source>
        <comment>set.kota</comment>
        <translation>City/regency</translation>
    </message>
    <message>
        <source>Provinsi</source>
        <comment>set.provinsi</comment>
        <translation>Province</translation>
    </message>
    <message>
        <source>BKM</source>
        <comment>set.bkm</comment>
        <translation>BKM</translation>
    </message>
    <message>
        <source>Tahun anggaran</source>
        <comment>set.fiscal_year</comment>
        <translation>Fiscal year</translation>
    </message>
    <message>
        <source>Paket: {name}</source>
        <comment>set.package</comment>
        <translation>Package: {name}</translation>
    </message>
    <message>
        <source>Nama paket</source>
        <comment>set.package_name</comment>
        <translation>Package name</translation>
    </message>
    <message>
        <source>Komponen</source>
        <comment>set.component</comment>
        <translation>Component</translation>
    </message>
    <message>
        <source>PPN</source>
        <comment>set.ppn</comment>
        <translation>VAT (PPN)</translation>
    </message>
    <message>
        <source>dikenakan</source>
        <comment>set.ppn_applies</comment>
        <translation>applies</translation>
    </message>
    <message>
        <source>Label</source>
        <comment>set.ppn_label</comment>
        <translation>Label</translation>
    </message>
    <message>
        <source>Pembulatan total</source>
        <comment>set.rounding</comment>
        <translation>Total rounding</translation>
    </message>
    <message>
        <source>tanpa pembulatan</source>
        <comment>set.no_rounding</comment>
        <translation>no rounding</translation>
    </message>
    <message>
        <source>ke bawah</source>
        <comment>set.mode.down</comment>
        <translation>down</translation>
    </message>
    <message>
        <source>terdekat</source>
        <comment>set.mode.half_up</comment>
        <translation>nearest</translation>
    </message>
    <message>
        <source>ke atas</source>
        <comment>set.mode.up</comment>
        <translation>up</translation>
    </message>
    <message>
        <source>Overhead (E) bawaan</source>
        <comment>set.overhead</comment>
        <translation>Default overhead (E)</translation>
    </message>
    <message>
        <source>biaya umum dan keuntungan untuk analisa tanpa persentase sendiri</source>
        <comment>set.overhead_hint</comment>
        <translation>overhead and profit for analyses without their own percentage</translation>
    </message>
    <message>
        <source>KSM</source>
        <comment>set.ksm</comment>
        <translation>KSM</translation>
    </message>
    <message>
        <source>Lokasi paket</source>
        <comment>set.package_location</comment>
        <translation>Package location</translation>
    </message>
    <message>
        <source>Penandatangan</source>
        <comment>set.signatories</comment>
        <translation>Signatories</translation>
    </message>
    <message>
        <source>Peran</source>
        <comment>set.sig.role</comment>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nama</source>
        <comment>set.sig.name</comment>
        <translation>Name</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <comment>set.sig.position</comment>
        <translation>Position</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <comment>set.sig.date</comment>
        <translation>Date</translation>
    </message>
    <message>
        <source>NIP</source>
        <comment>set.sig.nip</comment>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Baris {row} ({who}): {problem}.</source>
        <comment>set.sig.nip_problem</comment>
        <translation>Row {row} ({who}): {problem}.</translation>
    </message>
    <message>
        <source>NIP pejabat terdiri atas 18 angka (boleh dipisah spasi). NIP ini tetap disimpan dan dicetak apa adanya, tetapi PDF mencantumkannya sebagai temuan.</source>
        <comment>set.sig.nip_rule</comment>
        <translation>An official&apos;s NIP has 18 digits (spaces allowed). This NIP is still saved and printed as written, but the PDF lists it as a finding.</translation>
    </message>
    <message>
        <source>Tambah penandatangan</source>
        <comment>set.sig.add</comment>
        <translation>Add signatory</translation>
    </message>
    <message>
        <source>Hapus</source>
        <comment>set.sig.remove</comment>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Terapkan</source>
        <comment>set.ok</comment>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>set.cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>{field}: &quot;{text}&quot; bukan angka. Tulis misalnya 11 atau 11,5.</source>
        <comment>set.bad_number</comment>
        <translation>{field}: &quot;{text}&quot; is not a number. Write e.g. 11 or 11.5.</translation>
    </message>
    <message>
        <source>{field}: {text} di luar 0–100 %.</source>
        <comment>set.bad_percent</comment>
        <translation>{field}: {text} is outside 0–100 %.</translation>
    </message>
    <message>
        <source>Program &amp;BLM…</source>
        <comment>action.blm_program</comment>
        <translation>&amp;BLM programme…</translation>
    </message>
    <message>
        <source>Atur program BLM…</source>
        <comment>blm.program</comment>
        <translation>Set up BLM programme…</translation>
    </message>
    <message>
        <source>Program BLM</source>
        <comment>blmp.title</comment>
        <translation>BLM programme</translation>
    </message>
    <message>
        <source>Kesimpulan saat ini: {verdict} (setiap perubahan langsung diperiksa dan dapat diurungkan)</source>
        <comment>blmp.verdict</comment>
        <translation>Current verdict: {verdict} (every change is checked at once and can be undone)</translation>
    </message>
    <message>
        <source>Tutup</source>
        <comment>blmp.close</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>Aturan pagu</source>
        <comment>blmp.tab.rules</comment>
        <translation>Ceiling rules</translation>
    </message>
    <message>
        <source>Termin pencairan</source>
        <comment>blmp.tab.termins</comment>
        <translation>Disbursement termins</translation>
    </message>
    <message>
        <source>Minimum swadaya</source>
        <comment>blmp.tab.swadaya</comment>
        <translation>Minimum swadaya</translation>
    </message>
    <message>
        <source>Kategori perencanaan</source>
        <comment>blmp.tab.categories</comment>
        <translation>Planning categories</translation>
    </message>
    <message>
        <source>Pagu BLM per program, tahun dan komponen, dengan sumber aturannya (dicetak pada bab pemeriksaan pagu). Tahun kosong = semua tahun; program kosong = semua program. Baris dengan tahun anggaran yang sama mengalahkan baris tanpa tahun.</source>
        <comment>blmp.rules.hint</comment>
        <translation>BLM ceilings per programme, year and component, with the source of each rule (printed in the ceiling check chapter). Empty year = every year; empty programme = every programme. A row for the fiscal year wins over a row without a year.</translation>
    </message>
    <message>
        <source>Program</source>
        <comment>blmp.rule.col.program</comment>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Tahun</source>
        <comment>blmp.rule.col.year</comment>
        <translation>Year</translation>
    </message>
    <message>
        <source>Komponen</source>
        <comment>blmp.rule.col.component</comment>
        <translation>Component</translation>
    </message>
    <message>
        <source>Pagu (Rp)</source>
        <comment>blmp.rule.col.ceiling</comment>
        <translation>Ceiling (Rp)</translation>
    </message>
    <message>
        <source>Sumber aturan</source>
        <comment>blmp.rule.col.source_ref</comment>
        <translation>Rule source</translation>
    </message>
    <message>
        <source>Catatan</source>
        <comment>blmp.rule.col.note</comment>
        <translation>Note</translation>
    </message>
    <message>
        <source>BLM perencanaan</source>
        <comment>blmp.component.perencanaan</comment>
        <translation>BLM planning</translation>
    </message>
    <message>
        <source>BLM fisik</source>
        <comment>blmp.component.fisik</comment>
        <translation>BLM physical</translation>
    </message>
    <message>
        <source>Total BLM</source>
        <comment>blmp.component.total</comment>
        <translation>BLM total</translation>
    </message>
    <message>
        <source>Tambah baris</source>
        <comment>blmp.rules.add</comment>
        <translation>Add row</translation>
    </message>
    <message>
        <source>Hapus baris</source>
        <comment>blmp.rules.remove</comment>
        <translation>Remove row</translation>
    </message>
    <message>
        <source>Kembalikan ke PLP-BK</source>
        <comment>blmp.rules.reset</comment>
        <translation>Reset to PLP-BK</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: pagu kosong. Tulis pagu dalam rupiah, misalnya 300.000.000.</source>
        <comment>blmp.rule.err.blank</comment>
        <translation>Rule row {row}, column {column}: the ceiling is empty. Write it in rupiah, e.g. 300.000.000.</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: &quot;{text}&quot; bukan angka rupiah (misalnya 300.000.000).</source>
        <comment>blmp.rule.err.number</comment>
        <translation>Rule row {row}, column {column}: &quot;{text}&quot; is not an amount in rupiah (e.g. 300.000.000).</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: &quot;{text}&quot; bukan tahun (misalnya 2024; kosong = semua tahun).</source>
        <comment>blmp.rule.err.year</comment>
        <translation>Rule row {row}, column {column}: &quot;{text}&quot; is not a year (e.g. 2024; empty = every year).</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: pagu tidak boleh negatif.</source>
        <comment>blmp.rule.err.ceiling-negative</comment>
        <translation>Rule row {row}, column {column}: a ceiling cannot be negative.</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: pagu harus berupa angka rupiah.</source>
        <comment>blmp.rule.err.ceiling-invalid</comment>
        <translation>Rule row {row}, column {column}: the ceiling must be an amount in rupiah.</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: pagu paling banyak Rp 1.000.000.000.000.000 (10^15).</source>
        <comment>blmp.rule.err.ceiling-range</comment>
        <translation>Rule row {row}, column {column}: the ceiling is at most Rp 1,000,000,000,000,000 (10^15).</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: pagu harus rupiah bulat, tanpa sen (misalnya 700.000.000).</source>
        <comment>blmp.rule.err.ceiling-fraction</comment>
        <translation>Rule row {row}, column {column}: the ceiling must be whole rupiah, without sen (for example 700,000,000).</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: tahun harus antara 1990 dan 2100 (kosong = semua tahun).</source>
        <comment>blmp.rule.err.year-range</comment>
        <translation>Rule row {row}, column {column}: the year must be between 1990 and 2100 (empty = every year).</translation>
    </message>
    <message>
        <source>Aturan baris {row}, kolom {column}: program, komponen dan tahun sama dengan baris {other} (satu pagu per komponen dan tahun).</source>
        <comment>blmp.rule.err.duplicate</comment>
        <translation>Rule row {row}, column {column}: same programme, component and year as row {other} (one ceiling per component and year).</translation>
    </message>
    <message>
        <source>Tahapan pencairan BLM: persentase BLM total tiap termin dan tonggak kemajuan yang mencairkannya. Jumlah persentase harus 100 %. Jumlah rupiah dihitung dari BLM total (dibulatkan); termin terakhir menerima sisa pembulatan. Kolom jumlah tertulis boleh kosong.</source>
        <comment>blmp.termins.hint</comment>
        <translation>BLM disbursement plan: each termin&apos;s percentage of the BLM total and the progress milestone that releases it. The percentages must add up to 100 %. Amounts are computed from the (rounded) BLM total; the last termin takes the rupiah left by rounding. The written amount may stay empty.</translation>
    </message>
    <message>
        <source>Persen</source>
        <comment>blmp.termin.col.percent</comment>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Tonggak kemajuan (syarat pencairan)</source>
        <comment>blmp.termin.col.milestone</comment>
        <translation>Progress milestone (release condition)</translation>
    </message>
    <message>
        <source>Jumlah tertulis (Rp)</source>
        <comment>blmp.termin.col.stated</comment>
        <translation>Written amount (Rp)</translation>
    </message>
    <message>
        <source>Jumlah dari BLM</source>
        <comment>blmp.termin.col.amount</comment>
        <translation>Amount from BLM</translation>
    </message>
    <message>
        <source>Jumlah persentase: {percent} % {mark} · BLM total Rp {blm}</source>
        <comment>blmp.termins.sum</comment>
        <translation>Sum of percentages: {percent} % {mark} · BLM total Rp {blm}</translation>
    </message>
    <message>
        <source>(harus 100 %)</source>
        <comment>blmp.termins.not_100</comment>
        <translation>(must be 100 %)</translation>
    </message>
    <message>
        <source>Tambah termin</source>
        <comment>blmp.termins.add</comment>
        <translation>Add termin</translation>
    </message>
    <message>
        <source>Hapus termin</source>
        <comment>blmp.termins.remove</comment>
        <translation>Remove termin</translation>
    </message>
    <message>
        <source>Termin baris {row}, kolom {column}: persentase kosong.</source>
        <comment>blmp.termin.err.blank</comment>
        <translation>Termin row {row}, column {column}: the percentage is empty.</translation>
    </message>
    <message>
        <source>Termin baris {row}, kolom {column}: &quot;{text}&quot; bukan angka.</source>
        <comment>blmp.termin.err.number</comment>
        <translation>Termin row {row}, column {column}: &quot;{text}&quot; is not a number.</translation>
    </message>
    <message>
        <source>Termin baris {row}, kolom {column}: {text} harus lebih dari 0 dan paling banyak 100.</source>
        <comment>blmp.termin.err.range</comment>
        <translation>Termin row {row}, column {column}: {text} must be more than 0 and at most 100.</translation>
    </message>
    <message>
        <source>Termin baris {row}, kolom {column}: {text} tidak boleh negatif.</source>
        <comment>blmp.termin.err.negative</comment>
        <translation>Termin row {row}, column {column}: {text} cannot be negative.</translation>
    </message>
    <message>
        <source>Minimum bagian swadaya (tunai dan natura) dari total biaya program. Tidak ada minimum PLP-BK yang terverifikasi: isi hanya bila ada kesepakatan atau aturan, dan tulis sumbernya.</source>
        <comment>blmp.swadaya.hint</comment>
        <translation>Minimum share of swadaya (cash and in kind) in the programme&apos;s total cost. No verified PLP-BK minimum exists: set one only when an agreement or rule requires it, and name its source.</translation>
    </message>
    <message>
        <source>Tetapkan minimum swadaya</source>
        <comment>blmp.swadaya.on</comment>
        <translation>Set a minimum swadaya share</translation>
    </message>
    <message>
        <source>Minimum</source>
        <comment>blmp.swadaya.share</comment>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>% dari total biaya program</source>
        <comment>blmp.swadaya.of_cost</comment>
        <translation>% of the programme&apos;s total cost</translation>
    </message>
    <message>
        <source>Sumber</source>
        <comment>blmp.swadaya.source</comment>
        <translation>Source</translation>
    </message>
    <message>
        <source>misalnya: kesepakatan rembug warga BKM, 12 Maret 2024</source>
        <comment>blmp.swadaya.source_hint</comment>
        <translation>e.g. BKM community meeting agreement, 12 March 2024</translation>
    </message>
    <message>
        <source>Swadaya saat ini: Rp {amount} = {share} dari total biaya Rp {cost}.</source>
        <comment>blmp.swadaya.now</comment>
        <translation>Swadaya now: Rp {amount} = {share} of the total cost Rp {cost}.</translation>
    </message>
    <message>
        <source>{field}: &quot;{text}&quot; bukan angka. Tulis misalnya 20 atau 12,5.</source>
        <comment>blmp.swadaya.err.number</comment>
        <translation>{field}: &quot;{text}&quot; is not a number. Write e.g. 20 or 12.5.</translation>
    </message>
    <message>
        <source>{field}: {text} di luar 0–100 %.</source>
        <comment>blmp.swadaya.err.range</comment>
        <translation>{field}: {text} is outside 0–100 %.</translation>
    </message>
    <message>
        <source>Komponen perencanaan PLP-BK terdiri atas empat kategori; pilih kategori tiap divisi paket perencanaan (divisi di bawahnya ikut). Pada paket fisik sebuah divisi dapat ditandai sebagai penyiapan DED.</source>
        <comment>blmp.cat.hint</comment>
        <translation>The PLP-BK planning component has four categories; choose the category of each division of a planning package (the divisions below it follow). In a physical package a division may be marked as DED preparation.</translation>
    </message>
    <message>
        <source>Paket</source>
        <comment>blmp.cat.col.package</comment>
        <translation>Package</translation>
    </message>
    <message>
        <source>Divisi</source>
        <comment>blmp.cat.col.division</comment>
        <translation>Division</translation>
    </message>
    <message>
        <source>Kategori</source>
        <comment>blmp.cat.col.kind</comment>
        <translation>Category</translation>
    </message>
    <message>
        <source>Jumlah per kategori:</source>
        <comment>blmp.cat.totals</comment>
        <translation>Totals per category:</translation>
    </message>
    <message>
        <source>Belum dikategorikan / ikut divisi di atas</source>
        <comment>blmp.kind.none</comment>
        <translation>Not categorised / as the division above</translation>
    </message>
    <message>
        <source>Tenaga ahli pendamping</source>
        <comment>blmp.kind.tenaga-ahli</comment>
        <translation>Accompanying experts</translation>
    </message>
    <message>
        <source>Pengembangan kapasitas</source>
        <comment>blmp.kind.pengembangan-kapasitas</comment>
        <translation>Capacity building</translation>
    </message>
    <message>
        <source>Proses perencanaan partisipatif</source>
        <comment>blmp.kind.perencanaan-partisipatif</comment>
        <translation>Participatory planning process</translation>
    </message>
    <message>
        <source>Pemasaran hasil perencanaan</source>
        <comment>blmp.kind.pemasaran</comment>
        <translation>Marketing of the plan</translation>
    </message>
    <message>
        <source>Penyiapan DED</source>
        <comment>blmp.kind.ded</comment>
        <translation>DED preparation</translation>
    </message>
    <message>
        <source>Ubah aturan pagu BLM</source>
        <comment>cmd.blm_rules</comment>
        <translation>Change BLM ceiling rules</translation>
    </message>
    <message>
        <source>Tambah aturan pagu</source>
        <comment>cmd.blm_rule_add</comment>
        <translation>Add ceiling rule</translation>
    </message>
    <message>
        <source>Hapus aturan pagu baris {row}</source>
        <comment>cmd.blm_rule_remove</comment>
        <translation>Remove ceiling rule row {row}</translation>
    </message>
    <message>
        <source>Kembalikan aturan pagu PLP-BK</source>
        <comment>cmd.blm_rules_reset</comment>
        <translation>Reset PLP-BK ceiling rules</translation>
    </message>
    <message>
        <source>Ubah rencana termin</source>
        <comment>cmd.blm_termins</comment>
        <translation>Change termin plan</translation>
    </message>
    <message>
        <source>Tambah termin</source>
        <comment>cmd.blm_termin_add</comment>
        <translation>Add termin</translation>
    </message>
    <message>
        <source>Hapus termin {row}</source>
        <comment>cmd.blm_termin_remove</comment>
        <translation>Remove termin {row}</translation>
    </message>
    <message>
        <source>Ubah minimum swadaya</source>
        <comment>cmd.blm_swadaya</comment>
        <translation>Change minimum swadaya</translation>
    </message>
    <message>
        <source>Kategori divisi {division}</source>
        <comment>cmd.blm_kind</comment>
        <translation>Category of division {division}</translation>
    </message>
    <message>
        <source>Sumber dana</source>
        <comment>col.funding</comment>
        <translation>Funding</translation>
    </message>
    <message>
        <source>Klik dua kali untuk mengatur sumber dana item</source>
        <comment>rab.funding_tip</comment>
        <translation>Double-click to set the item&apos;s funding</translation>
    </message>
    <message>
        <source>ikut divisi: {source}</source>
        <comment>rab.funding_inherited</comment>
        <translation>from the division: {source}</translation>
    </message>
    <message>
        <source>BLM perencanaan</source>
        <comment>fund.blm.perencanaan</comment>
        <translation>BLM planning</translation>
    </message>
    <message>
        <source>BLM fisik</source>
        <comment>fund.blm.fisik</comment>
        <translation>BLM physical</translation>
    </message>
    <message>
        <source>&amp;Lampiran (gambar, peta, foto)…</source>
        <comment>action.attachments</comment>
        <translation>&amp;Attachments (drawings, maps, photos)…</translation>
    </message>
    <message>
        <source>Lampiran: gambar kerja, peta lokasi, foto dan pindaian</source>
        <comment>att.title</comment>
        <translation>Attachments: working drawings, location map, photos and scans</translation>
    </message>
    <message>
        <source>&amp;Tambah berkas…</source>
        <comment>att.add</comment>
        <translation>&amp;Add file…</translation>
    </message>
    <message>
        <source>&amp;Ganti berkas…</source>
        <comment>att.replace</comment>
        <translation>&amp;Replace file…</translation>
    </message>
    <message>
        <source>&amp;Hapus</source>
        <comment>att.remove</comment>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>Naik</source>
        <comment>att.up</comment>
        <translation>Up</translation>
    </message>
    <message>
        <source>Turun</source>
        <comment>att.down</comment>
        <translation>Down</translation>
    </message>
    <message>
        <source>Tutup</source>
        <comment>att.close</comment>
        <translation>Close</translation>
    </message>
    <message>
        <source>Jenis</source>
        <comment>att.kind</comment>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Gambar kerja</source>
        <comment>att.kind.gambar</comment>
        <translation>Working drawing</translation>
    </message>
    <message>
        <source>Peta lokasi / site plan</source>
        <comment>att.kind.peta</comment>
        <translation>Location map / site plan</translation>
    </message>
    <message>
        <source>Foto kondisi 0 %</source>
        <comment>att.kind.foto</comment>
        <translation>Photo of the existing condition (0 %)</translation>
    </message>
    <message>
        <source>Pindaian (berita acara, daftar hadir, surat)</source>
        <comment>att.kind.scan</comment>
        <translation>Scan (minutes, attendance list, letter)</translation>
    </message>
    <message>
        <source>Judul</source>
        <comment>att.field.title</comment>
        <translation>Title</translation>
    </message>
    <message>
        <source>Nomor lembar</source>
        <comment>att.field.sheet</comment>
        <translation>Sheet number</translation>
    </message>
    <message>
        <source>Skala</source>
        <comment>att.field.scale</comment>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Untuk</source>
        <comment>att.field.scope</comment>
        <translation>For</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <comment>att.field.note</comment>
        <translation>Remark</translation>
    </message>
    <message>
        <source>Seluruh program</source>
        <comment>att.scope.program</comment>
        <translation>The whole programme</translation>
    </message>
    <message>
        <source>Paket {n}: {name}</source>
        <comment>att.scope.package</comment>
        <translation>Package {n}: {name}</translation>
    </message>
    <message>
        <source>Berkas: {name} · {size} · SHA-256 {hash}…</source>
        <comment>att.file</comment>
        <translation>File: {name} · {size} · SHA-256 {hash}…</translation>
    </message>
    <message>
        <source>PDF
{pages} halaman</source>
        <comment>att.pdf_pages</comment>
        <translation>PDF
{pages} pages</translation>
    </message>
    <message>
        <source>Pratinjau halaman PDF tidak tersedia di sini (modul QtPdf tidak terpasang); PDF digabungkan utuh ke dokumen saat dicetak.</source>
        <comment>att.no_preview</comment>
        <translation>A preview of PDF pages is not available here (the QtPdf module is not installed); the PDF is merged whole into the document when printed.</translation>
    </message>
    <message>
        <source>Belum ada lampiran. Tambahkan gambar kerja, peta lokasi, foto kondisi 0 % dan berkas pindaian; semuanya disimpan di dalam berkas proyek.</source>
        <comment>att.empty</comment>
        <translation>No attachments yet. Add the working drawings, the location map, photos of the existing condition and scanned papers; they are all stored inside the project file.</translation>
    </message>
    <message>
        <source>Gambar dan PDF (*.pdf *.png *.jpg *.jpeg)</source>
        <comment>att.filter</comment>
        <translation>Images and PDF (*.pdf *.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Pilih berkas lampiran</source>
        <comment>att.choose</comment>
        <translation>Choose attachment files</translation>
    </message>
    <message>
        <source>Berkas tidak dilampirkan</source>
        <comment>att.refused</comment>
        <translation>File not attached</translation>
    </message>
    <message>
        <source>{n}. {kind} · {label}</source>
        <comment>att.row</comment>
        <translation>{n}. {kind} · {label}</translation>
    </message>
    <message>
        <source>Tambah lampiran &apos;{title}&apos;</source>
        <comment>cmd.att.add</comment>
        <translation>Add attachment &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>Ganti berkas lampiran &apos;{title}&apos;</source>
        <comment>cmd.att.replace</comment>
        <translation>Replace the file of attachment &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>Hapus lampiran &apos;{title}&apos;</source>
        <comment>cmd.att.remove</comment>
        <translation>Remove attachment &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>Pindahkan lampiran &apos;{title}&apos;</source>
        <comment>cmd.att.move</comment>
        <translation>Move attachment &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>Ubah lampiran &apos;{title}&apos;</source>
        <comment>cmd.att.edit</comment>
        <translation>Change attachment &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>Ukuran maksimum per lampiran (MB)</source>
        <comment>set.attachment_max_mb</comment>
        <translation>Largest attachment (MB)</translation>
    </message>
    <message>
        <source>&amp;Spesifikasi teknis (RKS)…</source>
        <comment>action.specs</comment>
        <translation>&amp;Technical specifications (RKS)…</translation>
    </message>
    <message>
        <source>Spesifikasi teknis (RKS)</source>
        <comment>spec.title</comment>
        <translation>Technical specifications (RKS)</translation>
    </message>
    <message>
        <source>Teks spesifikasi</source>
        <comment>spec.tab.text</comment>
        <translation>Specification texts</translation>
    </message>
    <message>
        <source>Spesifikasi per item</source>
        <comment>spec.tab.items</comment>
        <translation>Specifications per item</translation>
    </message>
    <message>
        <source>Judul</source>
        <comment>spec.field.title</comment>
        <translation>Title</translation>
    </message>
    <message>
        <source>Kata kunci</source>
        <comment>spec.field.keywords</comment>
        <translation>Keywords</translation>
    </message>
    <message>
        <source>Teks templat bawaan ({key}); simpan untuk membuat teks proyek ini.</source>
        <comment>spec.origin.template</comment>
        <translation>The shipped template text ({key}); save to make it this project&apos;s text.</translation>
    </message>
    <message>
        <source>Teks milik proyek ini ({key}); templat bawaan tidak dipakai.</source>
        <comment>spec.origin.project</comment>
        <translation>This project&apos;s own text ({key}); the shipped template is not used.</translation>
    </message>
    <message>
        <source>Simpan teks untuk proyek ini</source>
        <comment>spec.save</comment>
        <translation>Save the text for this project</translation>
    </message>
    <message>
        <source>Kembalikan ke teks templat</source>
        <comment>spec.reset</comment>
        <translation>Back to the template text</translation>
    </message>
    <message>
        <source>No</source>
        <comment>spec.col.no</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>Uraian pekerjaan</source>
        <comment>spec.col.item</comment>
        <translation>Work item</translation>
    </message>
    <message>
        <source>Spesifikasi</source>
        <comment>spec.col.specs</comment>
        <translation>Specifications</translation>
    </message>
    <message>
        <source>Dasar</source>
        <comment>spec.col.why</comment>
        <translation>Basis</translation>
    </message>
    <message>
        <source>dipilih untuk item</source>
        <comment>spec.why.item</comment>
        <translation>chosen for the item</translation>
    </message>
    <message>
        <source>ikut bagian</source>
        <comment>spec.why.section</comment>
        <translation>from its section</translation>
    </message>
    <message>
        <source>otomatis (kata kunci)</source>
        <comment>spec.why.auto</comment>
        <translation>automatic (keywords)</translation>
    </message>
    <message>
        <source>Spesifikasi untuk item terpilih:</source>
        <comment>spec.choose</comment>
        <translation>Specifications of the selected item:</translation>
    </message>
    <message>
        <source>Terapkan pilihan</source>
        <comment>spec.apply</comment>
        <translation>Apply the choice</translation>
    </message>
    <message>
        <source>Kembali ke pilihan otomatis</source>
        <comment>spec.auto</comment>
        <translation>Back to the automatic choice</translation>
    </message>
    <message>
        <source>teks proyek</source>
        <comment>spec.mark.project</comment>
        <translation>project text</translation>
    </message>
    <message>
        <source>dipakai {n} item</source>
        <comment>spec.mark.used</comment>
        <translation>used by {n} items</translation>
    </message>
    <message>
        <source>Ubah teks spesifikasi &apos;{title}&apos;</source>
        <comment>cmd.spec.text</comment>
        <translation>Change the specification text &apos;{title}&apos;</translation>
    </message>
    <message>
        <source>Kembalikan spesifikasi &apos;{title}&apos; ke templat</source>
        <comment>cmd.spec.reset</comment>
        <translation>Specification &apos;{title}&apos; back to the template</translation>
    </message>
    <message>
        <source>Pilih spesifikasi item {item}</source>
        <comment>cmd.spec.links</comment>
        <translation>Choose the specifications of item {item}</translation>
    </message>
    <message>
        <source>&amp;Jadwal pelaksanaan dan kurva S…</source>
        <comment>action.jadwal</comment>
        <translation>&amp;Schedule and S-curve…</translation>
    </message>
    <message>
        <source>Jadwal pelaksanaan dan kurva S</source>
        <comment>jadwal.title</comment>
        <translation>Work schedule and S-curve</translation>
    </message>
    <message>
        <source>Paket:</source>
        <comment>jadwal.package</comment>
        <translation>Package:</translation>
    </message>
    <message>
        <source>Pekerja per hari:</source>
        <comment>jadwal.crew</comment>
        <translation>Workers per day:</translation>
    </message>
    <message>
        <source>Hari kerja per minggu:</source>
        <comment>jadwal.days</comment>
        <translation>Working days per week:</translation>
    </message>
    <message>
        <source>Asumsi untuk durasi bawaan: durasi = HOK item ÷ (pekerja per hari × hari kerja per minggu), dibulatkan ke atas</source>
        <comment>jadwal.crew_tip</comment>
        <translation>Assumption for the default durations: duration = the item&apos;s person-days ÷ (workers per day × working days per week), rounded up</translation>
    </message>
    <message>
        <source>Kembalikan ke jadwal bawaan</source>
        <comment>jadwal.reset</comment>
        <translation>Back to the default schedule</translation>
    </message>
    <message>
        <source>No</source>
        <comment>jadwal.col.no</comment>
        <translation>No</translation>
    </message>
    <message>
        <source>Uraian pekerjaan</source>
        <comment>jadwal.col.name</comment>
        <translation>Description</translation>
    </message>
    <message>
        <source>Bobot (%)</source>
        <comment>jadwal.col.bobot</comment>
        <translation>Weight (%)</translation>
    </message>
    <message>
        <source>Mulai (minggu ke-)</source>
        <comment>jadwal.col.start</comment>
        <translation>Start (week)</translation>
    </message>
    <message>
        <source>Durasi (minggu)</source>
        <comment>jadwal.col.duration</comment>
        <translation>Duration (weeks)</translation>
    </message>
    <message>
        <source>Rencana per minggu (%)</source>
        <comment>jadwal.row.weekly</comment>
        <translation>Planned per week (%)</translation>
    </message>
    <message>
        <source>Kumulatif rencana (%) — kurva S</source>
        <comment>jadwal.row.cumulative</comment>
        <translation>Cumulative plan (%) — S-curve</translation>
    </message>
    <message>
        <source>{weeks} minggu · jumlah bobot {bobot} % · durasi bawaan dari HOK dengan {crew} pekerja × {days} hari per minggu · bawaan ditulis miring</source>
        <comment>jadwal.summary</comment>
        <translation>{weeks} weeks · weights total {bobot} % · default durations from person-days with {crew} workers × {days} days per week · defaults in italics</translation>
    </message>
    <message>
        <source>Paket ini belum memuat item RAB.</source>
        <comment>jadwal.empty</comment>
        <translation>This package has no RAB items yet.</translation>
    </message>
    <message>
        <source>HOK {hok} OH → durasi bawaan {weeks} minggu; mulai bawaan minggu ke-{start}. Kosongkan sel untuk kembali ke bawaan.</source>
        <comment>jadwal.tip.item</comment>
        <translation>{hok} person-days (OH) → default duration {weeks} weeks; default start week {start}. Clear the cell to go back to the default.</translation>
    </message>
    <message>
        <source>Tanpa analisa (tanpa HOK): durasi bawaan 1 minggu; mulai bawaan minggu ke-{start}. Kosongkan sel untuk kembali ke bawaan.</source>
        <comment>jadwal.tip.no_hok</comment>
        <translation>No analysis (no person-days): default duration 1 week; default start week {start}. Clear the cell to go back to the default.</translation>
    </message>
    <message>
        <source>Minggu ke-{week}: {value} % dari paket</source>
        <comment>jadwal.tip.week</comment>
        <translation>Week {week}: {value} % of the package</translation>
    </message>
    <message>
        <source>Tulis bilangan bulat minggu (1 atau lebih); kosongkan untuk kembali ke bawaan</source>
        <comment>jadwal.bad_number</comment>
        <translation>Write a whole number of weeks (1 or more); clear the cell for the default</translation>
    </message>
    <message>
        <source>Sisa pembulatan bobot {value} % masuk ke item {item} (jumlah harga terbesar).</source>
        <comment>jadwal.remainder</comment>
        <translation>The weights&apos; rounding remainder of {value} % goes to item {item} (the largest amount).</translation>
    </message>
    <message>
        <source>… dan {n} catatan lain</source>
        <comment>jadwal.more</comment>
        <translation>… and {n} more notes</translation>
    </message>
    <message>
        <source>Ubah jadwal {item}</source>
        <comment>cmd.jadwal</comment>
        <translation>Change schedule of {item}</translation>
    </message>
    <message>
        <source>Kembalikan jadwal bawaan {item}</source>
        <comment>cmd.jadwal_reset</comment>
        <translation>Default schedule for {item}</translation>
    </message>
    <message>
        <source>Ubah regu kerja {item}</source>
        <comment>cmd.jadwal_crew</comment>
        <translation>Change crew of {item}</translation>
    </message>
    <message>
        <source>Asal harga</source>
        <comment>col.origin</comment>
        <translation>Rate origin</translation>
    </message>
    <message>
        <source>Analisa {code} — {book}</source>
        <comment>rab.origin.book</comment>
        <translation>Analysis {code} — {book}</translation>
    </message>
    <message>
        <source>{name}</source>
        <comment>rab.origin.name</comment>
        <translation>{name}</translation>
    </message>
    <message>
        <source>Harga khusus: {reason}</source>
        <comment>rab.origin.custom</comment>
        <translation>Own rate: {reason}</translation>
    </message>
    <message>
        <source>Lump sum khusus: {reason}</source>
        <comment>rab.origin.lump</comment>
        <translation>Own lump sum: {reason}</translation>
    </message>
    <message>
        <source>Sumber harga: {source}</source>
        <comment>rab.origin.source</comment>
        <translation>Price source: {source}</translation>
    </message>
    <message>
        <source>Sumber harga belum ditulis</source>
        <comment>rab.origin.no_source</comment>
        <translation>Price source not written yet</translation>
    </message>
    <message>
        <source>Harga satuan disesuaikan {old} → {new}: {reason}</source>
        <comment>rab.origin.override</comment>
        <translation>Unit rate adjusted {old} → {new}: {reason}</translation>
    </message>
    <message>
        <source>Belum ada harga: ketik kode atau kata analisa di kolom Uraian, atau pakai Item sendiri…</source>
        <comment>rab.origin.none</comment>
        <translation>No price yet: type an analysis code or words in the Uraian column, or use Own item…</translation>
    </message>
    <message>
        <source>tanpa alasan</source>
        <comment>rab.origin.no_reason</comment>
        <translation>no reason</translation>
    </message>
    <message>
        <source>khusus</source>
        <comment>rab.origin.custom_short</comment>
        <translation>own</translation>
    </message>
    <message>
        <source>ls khusus</source>
        <comment>rab.origin.lump_short</comment>
        <translation>own ls</translation>
    </message>
    <message>
        <source>Klik dua kali: Ubah harga satuan…; klik kanan: Hapus penyesuaian harga</source>
        <comment>rab.origin.hint</comment>
        <translation>Double-click: Change unit rate…; right-click: Remove rate adjustment</translation>
    </message>
    <message>
        <source>Tambah item dari buku harga (ketik kode/uraian)</source>
        <comment>action.add_typed_item</comment>
        <translation>Add item from the price book (type code/description)</translation>
    </message>
    <message>
        <source>Item sendiri (harga sendiri atau lump sum)…</source>
        <comment>action.custom_item</comment>
        <translation>Own item (own rate or lump sum)…</translation>
    </message>
    <message>
        <source>Ubah harga satuan…</source>
        <comment>action.override</comment>
        <translation>Change unit rate…</translation>
    </message>
    <message>
        <source>Hapus penyesuaian harga</source>
        <comment>action.clear_override</comment>
        <translation>Remove rate adjustment</translation>
    </message>
    <message>
        <source>Tambah item baru</source>
        <comment>cmd.add_empty_item</comment>
        <translation>Add new item</translation>
    </message>
    <message>
        <source>Pakai analisa {code} untuk {item}</source>
        <comment>cmd.choose_analysis</comment>
        <translation>Use analysis {code} for {item}</translation>
    </message>
    <message>
        <source>Tambah item sendiri {item}</source>
        <comment>cmd.custom_item</comment>
        <translation>Add own item {item}</translation>
    </message>
    <message>
        <source>Ubah harga khusus {item}</source>
        <comment>cmd.edit_custom</comment>
        <translation>Change own rate {item}</translation>
    </message>
    <message>
        <source>Ubah harga satuan {item}</source>
        <comment>cmd.override</comment>
        <translation>Change unit rate {item}</translation>
    </message>
    <message>
        <source>Hapus penyesuaian harga {item}</source>
        <comment>cmd.clear_override</comment>
        <translation>Remove rate adjustment {item}</translation>
    </message>
    <message>
        <source>Pilih sebuah item pada RAB lebih dulu</source>
        <comment>items.no_item</comment>
        <translation>Select an item in the RAB first</translation>
    </message>
    <message>
        <source>Harga satuan item ini tidak disesuaikan</source>
        <comment>items.no_override</comment>
        <translation>This item&apos;s unit rate is not adjusted</translation>
    </message>
    <message>
        <source>Paket belum memiliki divisi: tambahkan bagian lebih dulu (Struktur › Tambah bagian)</source>
        <comment>items.no_section</comment>
        <translation>The package has no division yet: add a section first (Structure › Add section)</translation>
    </message>
    <message>
        <source>Tidak dapat diubah: {reason}</source>
        <comment>items.cannot</comment>
        <translation>Not changed: {reason}</translation>
    </message>
    <message>
        <source>{code} dipakai untuk item {number}</source>
        <comment>items.chosen</comment>
        <translation>{code} used for item {number}</translation>
    </message>
    <message>
        <source>buku paket</source>
        <comment>items.hit.pinned</comment>
        <translation>package book</translation>
    </message>
    <message>
        <source>katalog</source>
        <comment>items.hit.library</comment>
        <translation>catalogue</translation>
    </message>
    <message>
        <source>{code} · {name} ({unit})
Dari: {book}</source>
        <comment>items.hit.tip</comment>
        <translation>{code} · {name} ({unit})
From: {book}</translation>
    </message>
    <message>
        <source>Ketik kode atau kata analisa: daftar dari buku harga paket dan katalog; Enter memilih</source>
        <comment>items.uraian_tip</comment>
        <translation>Type an analysis code or words: list from the package&apos;s price book and the catalogue; Enter chooses</translation>
    </message>
    <message>
        <source>Item sendiri (harga khusus)</source>
        <comment>custom.title</comment>
        <translation>Own item (own rate)</translation>
    </message>
    <message>
        <source>Ubah harga khusus</source>
        <comment>custom.edit_title</comment>
        <translation>Change own rate</translation>
    </message>
    <message>
        <source>Untuk pekerjaan tanpa analisa di buku harga. Alasan dan sumber harga wajib diisi; keduanya dicetak di bawah uraian pada RAB.</source>
        <comment>custom.intro</comment>
        <translation>For work without an analysis in the price book. Reason and price source are required; both are printed under the description in the RAB.</translation>
    </message>
    <message>
        <source>Uraian pekerjaan:</source>
        <comment>custom.description</comment>
        <translation>Work description:</translation>
    </message>
    <message>
        <source>Cara harga:</source>
        <comment>custom.kind</comment>
        <translation>Pricing:</translation>
    </message>
    <message>
        <source>Harga satuan × volume</source>
        <comment>custom.kind.rate</comment>
        <translation>Unit rate × volume</translation>
    </message>
    <message>
        <source>Lump sum (1 ls)</source>
        <comment>custom.kind.lump</comment>
        <translation>Lump sum (1 ls)</translation>
    </message>
    <message>
        <source>Satuan:</source>
        <comment>custom.unit</comment>
        <translation>Unit:</translation>
    </message>
    <message>
        <source>Harga satuan (Rp):</source>
        <comment>custom.rate</comment>
        <translation>Unit rate (Rp):</translation>
    </message>
    <message>
        <source>Jumlah lump sum (Rp):</source>
        <comment>custom.amount</comment>
        <translation>Lump sum amount (Rp):</translation>
    </message>
    <message>
        <source>Volume:</source>
        <comment>custom.volume</comment>
        <translation>Volume:</translation>
    </message>
    <message>
        <source>dari baris back-up</source>
        <comment>custom.volume_measured</comment>
        <translation>from back-up lines</translation>
    </message>
    <message>
        <source>Alasan:</source>
        <comment>custom.reason</comment>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>mengapa tidak memakai analisa buku harga</source>
        <comment>custom.reason_hint</comment>
        <translation>why no analysis of the price book is used</translation>
    </message>
    <message>
        <source>Sumber harga:</source>
        <comment>custom.source</comment>
        <translation>Price source:</translation>
    </message>
    <message>
        <source>mis. survei 3 toko, penawaran CV …, SBU Kab. …</source>
        <comment>custom.source_hint</comment>
        <translation>e.g. survey of 3 shops, quote from CV …, SBU of the regency …</translation>
    </message>
    <message>
        <source>Uraian pekerjaan wajib diisi.</source>
        <comment>custom.need_description</comment>
        <translation>The work description is required.</translation>
    </message>
    <message>
        <source>Satuan wajib diisi.</source>
        <comment>custom.need_unit</comment>
        <translation>The unit is required.</translation>
    </message>
    <message>
        <source>Satuan &apos;{unit}&apos; tidak dikenal. Tulis misalnya m, m2, m3, m&apos;, bh, titik, unit, OH, ls.</source>
        <comment>custom.bad_unit</comment>
        <translation>Unknown unit &apos;{unit}&apos;. Write e.g. m, m2, m3, m&apos;, bh, titik, unit, OH, ls.</translation>
    </message>
    <message>
        <source>Harga wajib diisi.</source>
        <comment>custom.need_rate</comment>
        <translation>The rate is required.</translation>
    </message>
    <message>
        <source>Harga tidak dapat dibaca: {reason}</source>
        <comment>custom.bad_rate</comment>
        <translation>The rate cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Volume tidak dapat dibaca: {reason}</source>
        <comment>custom.bad_volume</comment>
        <translation>The volume cannot be read: {reason}</translation>
    </message>
    <message>
        <source>Alasan wajib diisi: mengapa item ini tidak memakai analisa buku harga.</source>
        <comment>custom.need_reason</comment>
        <translation>A reason is required: why this item does not use an analysis of the price book.</translation>
    </message>
    <message>
        <source>Sumber harga wajib diisi (mis. &apos;survei 3 toko&apos;).</source>
        <comment>custom.need_source</comment>
        <translation>The price source is required (e.g. &apos;survey of 3 shops&apos;).</translation>
    </message>
    <message>
        <source>Ubah harga satuan</source>
        <comment>override.title</comment>
        <translation>Change unit rate</translation>
    </message>
    <message>
        <source>Item {number}: {item}</source>
        <comment>override.item</comment>
        <translation>Item {number}: {item}</translation>
    </message>
    <message>
        <source>Harga semula:</source>
        <comment>override.base</comment>
        <translation>Original rate:</translation>
    </message>
    <message>
        <source>Rp {rate} per {unit} ({origin})</source>
        <comment>override.base_text</comment>
        <translation>Rp {rate} per {unit} ({origin})</translation>
    </message>
    <message>
        <source>Harga satuan baru (Rp):</source>
        <comment>override.rate</comment>
        <translation>New unit rate (Rp):</translation>
    </message>
    <message>
        <source>Alasan:</source>
        <comment>override.reason</comment>
        <translation>Reason:</translation>
    </message>
    <message>
        <source>mis. harga upah setempat lebih rendah (survei faskel)</source>
        <comment>override.reason_hint</comment>
        <translation>e.g. local wages are lower (facilitator&apos;s survey)</translation>
    </message>
    <message>
        <source>Harga semula, harga baru dan alasannya dicetak di bawah uraian pada RAB.</source>
        <comment>override.note</comment>
        <translation>The original rate, the new rate and the reason are printed under the description in the RAB.</translation>
    </message>
    <message>
        <source>Alasan penyesuaian harga wajib diisi.</source>
        <comment>override.need_reason</comment>
        <translation>A reason for the rate adjustment is required.</translation>
    </message>
    <message>
        <source>&amp;Potong</source>
        <comment>action.cut</comment>
        <translation>Cu&amp;t</translation>
    </message>
    <message>
        <source>&amp;Salin</source>
        <comment>action.copy</comment>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;Tempel</source>
        <comment>action.paste</comment>
        <translation>&amp;Paste</translation>
    </message>
    <message>
        <source>Potong {item}</source>
        <comment>cmd.cut</comment>
        <translation>Cut {item}</translation>
    </message>
    <message>
        <source>Tempel {item}</source>
        <comment>cmd.paste</comment>
        <translation>Paste {item}</translation>
    </message>
    <message>
        <source>Tempel {count} baris dari lembar kerja</source>
        <comment>cmd.paste_rows</comment>
        <translation>Paste {count} rows from a spreadsheet</translation>
    </message>
    <message>
        <source>Salin (seret) {item}</source>
        <comment>cmd.drag_copy</comment>
        <translation>Copy (drag) {item}</translation>
    </message>
    <message>
        <source>Disalin: {item}. Tempel dengan Ctrl+V di RAB, atau di lembar kerja sebagai baris.</source>
        <comment>clip.copied</comment>
        <translation>Copied: {item}. Paste with Ctrl+V in the RAB, or into a spreadsheet as rows.</translation>
    </message>
    <message>
        <source>Papan klip kosong: salin bagian/item RAB atau baris lembar kerja dulu.</source>
        <comment>clip.empty</comment>
        <translation>The clipboard is empty: copy RAB sections/items or spreadsheet rows first.</translation>
    </message>
    <message>
        <source>Paket ini belum punya bagian: tambah bagian dulu (Struktur › Tambah bagian).</source>
        <comment>clip.no_section</comment>
        <translation>This package has no section yet: add one first (Structure › Add section).</translation>
    </message>
    <message>
        <source>Tempel dibatalkan: tidak ada yang diubah.</source>
        <comment>clip.cancelled</comment>
        <translation>Paste cancelled: nothing was changed.</translation>
    </message>
    <message>
        <source>Tidak ada baris yang dapat ditempel.</source>
        <comment>clip.nothing_read</comment>
        <translation>No row can be pasted.</translation>
    </message>
    <message>
        <source>Bagian tidak dapat diletakkan di dalam dirinya sendiri.</source>
        <comment>clip.drop_self</comment>
        <translation>A section cannot be put inside itself.</translation>
    </message>
    <message>
        <source>{sections} bagian dengan {items} item</source>
        <comment>clip.items_n</comment>
        <translation>{sections} sections with {items} items</translation>
    </message>
    <message>
        <source>{items} item</source>
        <comment>clip.items</comment>
        <translation>{items} items</translation>
    </message>
    <message>
        <source>Periksa sebelum menempel</source>
        <comment>dlg.paste.title</comment>
        <translation>Check before pasting</translation>
    </message>
    <message>
        <source>Dari {rows} baris tempelan akan dibuat {what} di {where}. Beberapa sel tidak dapat dibaca apa adanya; tidak ada baris yang dibuang: periksa dan perbaiki setelah menempel.</source>
        <comment>dlg.paste.rows_intro</comment>
        <translation>{rows} pasted rows will make {what} in {where}. Some cells could not be read as written; no row is dropped: check and correct them after pasting.</translation>
    </message>
    <message>
        <source>{what} dari paket {source} akan ditempel di {where}. Harga satuan paket tujuan tidak diubah; perhatikan hal berikut:</source>
        <comment>dlg.paste.clip_intro</comment>
        <translation>{what} from package {source} will be pasted into {where}. Unit rates of the target package are not changed; note the following:</translation>
    </message>
    <message>
        <source>Tingkat</source>
        <comment>dlg.paste.col.severity</comment>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Baris</source>
        <comment>dlg.paste.col.row</comment>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kolom</source>
        <comment>dlg.paste.col.column</comment>
        <translation>Column</translation>
    </message>
    <message>
        <source>Kode analisa</source>
        <comment>dlg.paste.col.code</comment>
        <translation>Analysis code</translation>
    </message>
    <message>
        <source>Isi sel</source>
        <comment>dlg.paste.col.raw</comment>
        <translation>Cell</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <comment>dlg.paste.col.message</comment>
        <translation>Explanation</translation>
    </message>
    <message>
        <source>Tempel</source>
        <comment>dlg.paste.apply</comment>
        <translation>Paste</translation>
    </message>
    <message>
        <source>&amp;Panduan pengguna</source>
        <comment>action.guide</comment>
        <translation>User &amp;guide</translation>
    </message>
    <message>
        <source>Panduan pengguna</source>
        <comment>guide.title</comment>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Buku harga bawaan tidak tersedia: {error}</source>
        <comment>dlg.no_book</comment>
        <translation>The shipped price book is not available: {error}</translation>
    </message>
    <message>
        <source>LULUS</source>
        <comment>blm.state.pass</comment>
        <translation>PASS</translation>
    </message>
    <message>
        <source>MELEBIHI PAGU</source>
        <comment>blm.state.over</comment>
        <translation>OVER CEILING</translation>
    </message>
    <message>
        <source>DI BAWAH MINIMUM</source>
        <comment>blm.state.under</comment>
        <translation>BELOW MINIMUM</translation>
    </message>
    <message>
        <source>BELUM SAH</source>
        <comment>blm.state.incomplete</comment>
        <translation>NOT VALID YET</translation>
    </message>
    <message>
        <source>–</source>
        <comment>blm.state.none</comment>
        <translation>–</translation>
    </message>
    <message>
        <source>Sebelum pembulatan Rp {exact}; yang dibandingkan Rp {rounded}</source>
        <comment>blm.exact</comment>
        <translation>Before rounding Rp {exact}; compared Rp {rounded}</translation>
    </message>
    <message>
        <source>Dibandingkan dengan total dibulatkan bagian BLM tiap paket (arahkan kursor ke kartu untuk angka sebelum pembulatan dan sumber aturan).</source>
        <comment>blm.note</comment>
        <translation>Compared with each package&apos;s rounded BLM share (hover a card for the figure before rounding and the rule source).</translation>
    </message>
    <message>
        <source>Kesimpulan</source>
        <comment>blm.verdict</comment>
        <translation>Verdict</translation>
    </message>
    <message>
        <source>Lihat temuan: {errors} galat · {warnings} peringatan</source>
        <comment>blm.findings</comment>
        <translation>Show findings: {errors} errors · {warnings} warnings</translation>
    </message>
    <message>
        <source>Swadaya (tanpa minimum)</source>
        <comment>blm.swadaya.free</comment>
        <translation>Community share (no minimum)</translation>
    </message>
    <message>
        <source>Swadaya (min. {share} dari total biaya)</source>
        <comment>blm.swadaya.min</comment>
        <translation>Community share (min. {share} of the total cost)</translation>
    </message>
    <message>
        <source>Jumlah swadaya</source>
        <comment>blm.swadaya.amount</comment>
        <translation>Community share</translation>
    </message>
    <message>
        <source>Bagian dari total biaya</source>
        <comment>blm.swadaya.share</comment>
        <translation>Share of the total cost</translation>
    </message>
    <message>
        <source>Minimum</source>
        <comment>blm.swadaya.needed</comment>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Kurang</source>
        <comment>blm.swadaya.short</comment>
        <translation>Short by</translation>
    </message>
    <message>
        <source>Catat alasan dasar harga…</source>
        <comment>blm.price_basis</comment>
        <translation>Record the price-basis reason…</translation>
    </message>
    <message>
        <source>Sumber dana item…</source>
        <comment>action.funding</comment>
        <translation>Item funding…</translation>
    </message>
    <message>
        <source>Sumber dana {item}</source>
        <comment>cmd.funding</comment>
        <translation>Funding of {item}</translation>
    </message>
    <message>
        <source>Sumber dana item</source>
        <comment>fund.title</comment>
        <translation>Item funding</translation>
    </message>
    <message>
        <source>Item: {item}</source>
        <comment>fund.item</comment>
        <translation>Item: {item}</translation>
    </message>
    <message>
        <source>Sumber utama (menerima sisa)</source>
        <comment>fund.main</comment>
        <translation>Main source (takes the rest)</translation>
    </message>
    <message>
        <source>ikut divisi ({source})</source>
        <comment>fund.inherit</comment>
        <translation>as the division ({source})</translation>
    </message>
    <message>
        <source>Dibayar oleh</source>
        <comment>fund.col.source</comment>
        <translation>Paid by</translation>
    </message>
    <message>
        <source>Persen</source>
        <comment>fund.col.percent</comment>
        <translation>Percent</translation>
    </message>
    <message>
        <source>Jumlah (Rp)</source>
        <comment>fund.col.amount</comment>
        <translation>Amount (Rp)</translation>
    </message>
    <message>
        <source>Tambah bagian</source>
        <comment>fund.add</comment>
        <translation>Add share</translation>
    </message>
    <message>
        <source>Hapus bagian</source>
        <comment>fund.remove</comment>
        <translation>Remove share</translation>
    </message>
    <message>
        <source>Isi persen atau jumlah. Swadaya tenaga/bahan tanpa angka dinilai dari buku harga (bagian upah atau bahan analisa). Bagian persen dibulatkan ke rupiah; sumber utama menerima sisanya, sehingga pembagian tepat sama dengan jumlah item.</source>
        <comment>fund.note</comment>
        <translation>Enter a percent or an amount. Community labour/material without a figure is valued from the price book (the labour or material part of the analysis). Percent shares are rounded to the rupiah; the main source takes the rest, so the split adds up to the item exactly.</translation>
    </message>
    <message>
        <source>Pilih sebuah item pada RAB untuk mengatur sumber dananya</source>
        <comment>fund.no_item</comment>
        <translation>Select a RAB item to set its funding</translation>
    </message>
    <message>
        <source>Catat dasar harga paket…</source>
        <comment>action.price_basis</comment>
        <translation>Record the package&apos;s price basis…</translation>
    </message>
    <message>
        <source>Edisi baru: {new}
{items} item: {matched} dipadankan, {override} harga override tetap, {custom} harga khusus tetap.</source>
        <comment>dlg.reprice.summary</comment>
        <translation>New edition: {new}
{items} items: {matched} matched, {override} overridden rates kept, {custom} custom rates kept.</translation>
    </message>
    <message>
        <source>Dasar harga {package}</source>
        <comment>cmd.price_basis</comment>
        <translation>Price basis of {package}</translation>
    </message>
    <message>
        <source>Dasar harga paket</source>
        <comment>dlg.price_basis.title</comment>
        <translation>Package price basis</translation>
    </message>
    <message>
        <source>Paket {package} memakai buku harga {book}.
Tulis alasan menerima buku ini sebagai dasar harga (mis. &quot;buku harga contoh, dipakai untuk demo&quot;); kosongkan untuk mencabut.</source>
        <comment>dlg.price_basis.text</comment>
        <translation>Package {package} is priced from {book}.
Write why this book is accepted as its price basis (e.g. &quot;sample price book, used for the demo&quot;); leave empty to withdraw.</translation>
    </message>
    <message>
        <source>LULUS</source>
        <comment>verdict.passed</comment>
        <translation>PASSED</translation>
    </message>
    <message>
        <source>TIDAK LULUS</source>
        <comment>verdict.fails-rule</comment>
        <translation>FAILS A RULE</translation>
    </message>
    <message>
        <source>BELUM SAH</source>
        <comment>verdict.not-valid</comment>
        <translation>NOT VALID YET</translation>
    </message>
    <message>
        <source>DASAR HARGA BELUM DITERIMA</source>
        <comment>verdict.price-basis</comment>
        <translation>PRICE BASIS NOT ACCEPTED</translation>
    </message>
    <message>
        <source>DENGAN CATATAN</source>
        <comment>verdict.with_notes</comment>
        <translation>WITH NOTES</translation>
    </message>
    <message>
        <source>Ikhtisar program</source>
        <comment>ov.title</comment>
        <translation>Programme overview</translation>
    </message>
    <message>
        <source>Total</source>
        <comment>ov.total</comment>
        <translation>Total</translation>
    </message>
    <message>
        <source>BLM</source>
        <comment>ov.source.BLM</comment>
        <translation>BLM</translation>
    </message>
    <message>
        <source>Swadaya tunai</source>
        <comment>ov.source.swadaya</comment>
        <translation>Community cash</translation>
    </message>
    <message>
        <source>Swadaya tenaga</source>
        <comment>ov.source.swadaya-tenaga</comment>
        <translation>Community labour</translation>
    </message>
    <message>
        <source>Swadaya bahan</source>
        <comment>ov.source.swadaya-bahan</comment>
        <translation>Community material</translation>
    </message>
    <message>
        <source>APBD</source>
        <comment>ov.source.APBD</comment>
        <translation>APBD</translation>
    </message>
    <message>
        <source>CSR/lainnya</source>
        <comment>ov.source.lainnya</comment>
        <translation>CSR/other</translation>
    </message>
    <message>
        <source>Jumlah program</source>
        <comment>ov.sum</comment>
        <translation>Programme total</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.negative-factor</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.negative-rate</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.measurement-sign</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.unit-unknown</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.volume-decimals</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.ppn-rate</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>{detail}</source>
        <comment>finding.total-rounding</comment>
        <translation>{detail}</translation>
    </message>
    <message>
        <source>Biaya umum dan keuntungan (E)</source>
        <comment>rekap.adjust.overhead</comment>
        <translation>Overhead and profit (E)</translation>
    </message>
    <message>
        <source>Biaya umum dan keuntungan (E) yang termasuk dalam harga satuan pekerjaan: bukan kebutuhan bahan atau tenaga kerja</source>
        <comment>rekap.adjust.overhead.tip</comment>
        <translation>Overhead and profit (E) included in the unit rates: not a material or labour need</translation>
    </message>
    <message>
        <source>Pembulatan harga satuan (F)</source>
        <comment>rekap.adjust.rate_rounding</comment>
        <translation>Rounding of the unit rates (F)</translation>
    </message>
    <message>
        <source>Harga satuan pekerjaan (F) dibulatkan menurut aturan buku harga (mis. ke bawah ke kelipatan Rp 100), termasuk di dalam analisa turunan</source>
        <comment>rekap.adjust.rate_rounding.tip</comment>
        <translation>Unit rates (F) rounded by the price book&apos;s rule (e.g. down to a multiple of Rp 100), also inside sub-analyses</translation>
    </message>
    <message>
        <source>Harga analisa turunan dari buku</source>
        <comment>rekap.adjust.sub_price</comment>
        <translation>Sub-analysis prices set by the book</translation>
    </message>
    <message>
        <source>Baris analisa turunan yang harganya ditetapkan buku, bukan F analisa turunan itu: selisihnya</source>
        <comment>rekap.adjust.sub_price.tip</comment>
        <translation>Sub-analysis lines priced by the book instead of the sub-analysis F: the difference</translation>
    </message>
    <message>
        <source>Selisih pembulatan ke rupiah</source>
        <comment>rekap.adjust.rounding</comment>
        <translation>Rounding to the rupiah</translation>
    </message>
    <message>
        <source>Jumlah tiap item RAB dan tiap baris rekap (kuantitas tercetak × harga satuan) dibulatkan ke rupiah</source>
        <comment>rekap.adjust.rounding.tip</comment>
        <translation>Each RAB item and each schedule row (printed quantity × unit price) rounded to the rupiah</translation>
    </message>
    <message>
        <source>&lt;h3&gt;DTPL Studio {version}&lt;/h3&gt;&lt;p&gt;RAB dari analisa harga satuan (AHSP) dan dokumen teknis (DTPL) untuk PLP-BK.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Buku harga bawaan:&lt;/b&gt; {edition}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lisensi:&lt;/b&gt; {licence}&lt;/p&gt;</source>
        <comment>dlg.about.rich</comment>
        <translation>&lt;h3&gt;DTPL Studio {version}&lt;/h3&gt;&lt;p&gt;Cost estimates (RAB) from unit-price analyses (AHSP) and the technical document package (DTPL) for PLP-BK.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Shipped price book:&lt;/b&gt; {edition}&lt;/p&gt;&lt;p&gt;&lt;b&gt;Licence:&lt;/b&gt; {licence}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Selamat datang di DTPL Studio</source>
        <comment>welcome.title</comment>
        <translation>Welcome to DTPL Studio</translation>
    </message>
    <message>
        <source>Jangan tampilkan lagi</source>
        <comment>welcome.dont_show</comment>
        <translation>Do not show again</translation>
    </message>
    <message>
        <source>Mulai</source>
        <comment>welcome.start</comment>
        <translation>Start</translation>
    </message>
    <message>
        <source>Bahasa belum diganti: ekspor PDF sedang berjalan. Tunggu sampai selesai, lalu pilih lagi.</source>
        <comment>status.language_busy</comment>
        <translation>Language not changed: a PDF export is running. Wait until it finishes, then choose again.</translation>
    </message>
    <message>
        <source>Tanpa judul</source>
        <comment>dlg.untitled</comment>
        <translation>Untitled</translation>
    </message>
    <message>
        <source>hanya-baca</source>
        <comment>title.read_only</comment>
        <translation>read-only</translation>
    </message>
    <message>
        <source>Proyek ini dibuka hanya-baca: foldernya tidak dapat ditulisi. Perubahan dapat disimpan sebagai salinan di tempat lain.</source>
        <comment>banner.read_only.folder</comment>
        <translation>This project is open read-only: its folder cannot be written. Changes can be saved as a copy elsewhere.</translation>
    </message>
    <message>
        <source>Proyek ini dibuka hanya-baca: berkasnya ditandai hanya-baca. Perubahan dapat disimpan sebagai salinan di tempat lain.</source>
        <comment>banner.read_only.file</comment>
        <translation>This project is open read-only: the file is marked read-only. Changes can be saved as a copy elsewhere.</translation>
    </message>
    <message>
        <source>{n} berkas sementara sisa gangguan sebelumnya dibersihkan</source>
        <comment>status.cleaned</comment>
        <translation>{n} temporary file(s) left by an earlier crash removed</translation>
    </message>
    <message>
        <source>Salinan pemulihan diperbarui</source>
        <comment>status.autosaved</comment>
        <translation>Recovery copy updated</translation>
    </message>
    <message>
        <source>Salinan pemulihan tidak dapat ditulis: {error}</source>
        <comment>status.autosave_failed</comment>
        <translation>The recovery copy cannot be written: {error}</translation>
    </message>
    <message>
        <source>Pulihkan pekerjaan?</source>
        <comment>recover.title</comment>
        <translation>Recover your work?</translation>
    </message>
    <message>
        <source>DTPL Studio tidak ditutup dengan benar saat proyek {name} terbuka. Ada salinan pemulihan yang tersimpan otomatis pada {when}.

Dibanding berkas yang tersimpan:
{changes}

Pulihkan keadaan itu? (Berkas proyek baru berubah saat Anda menyimpan.)</source>
        <comment>recover.text</comment>
        <translation>DTPL Studio did not close properly while the project {name} was open. A recovery copy was saved automatically on {when}.

Compared with the saved file:
{changes}

Recover that state? (The project file changes only when you save.)</translation>
    </message>
    <message>
        <source>Paket: {old} → {new}</source>
        <comment>recover.packages</comment>
        <translation>Packages: {old} → {new}</translation>
    </message>
    <message>
        <source>Item pekerjaan: {old} → {new}</source>
        <comment>recover.items</comment>
        <translation>Work items: {old} → {new}</translation>
    </message>
    <message>
        <source>Total semua paket: Rp {old} → Rp {new}</source>
        <comment>recover.total</comment>
        <translation>Total of all packages: Rp {old} → Rp {new}</translation>
    </message>
    <message>
        <source>{name}: Rp {old} → Rp {new}</source>
        <comment>recover.package</comment>
        <translation>{name}: Rp {old} → Rp {new}</translation>
    </message>
    <message>
        <source>(tidak ada)</source>
        <comment>recover.absent</comment>
        <translation>(none)</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <comment>recover.accept</comment>
        <translation>Recover</translation>
    </message>
    <message>
        <source>Simpan</source>
        <comment>dlg.file.save</comment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Buka</source>
        <comment>dlg.file.open</comment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Batal</source>
        <comment>dlg.file.cancel</comment>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Lihat di:</source>
        <comment>dlg.file.look_in</comment>
        <translation>Look in:</translation>
    </message>
    <message>
        <source>Nama berkas:</source>
        <comment>dlg.file.name</comment>
        <translation>File name:</translation>
    </message>
    <message>
        <source>Jenis berkas:</source>
        <comment>dlg.file.type</comment>
        <translation>Files of type:</translation>
    </message>
</context>
</TS>
