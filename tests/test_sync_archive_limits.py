"""Every byte an archive decompresses, the members no page needs included, counts against the
sync's deadline and a cap: no archive keeps a sync (and its lock) past the deadline."""

from __future__ import annotations

import io
import subprocess
import sys
import tarfile
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from testimony_tui.files.locations import synced_dir
from testimony_tui.sync import Limits, SyncError, sync

from . import hostile

MiB = 1 << 20
PAGE = "site-HEAD/docs/guide/testimonials/ada-lovelace.md"


def _page(site_fixtures: Path) -> bytes:
    return (site_fixtures / "ada-lovelace.md").read_bytes()


@pytest.fixture
def synced(site_fixtures) -> dict[str, bytes]:
    """A first set synced from the test pages; what it holds, to check that it is kept."""
    sync(str(site_fixtures), synced_dir())
    return _held()


def _held() -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in synced_dir().rglob("*") if path.is_file()}


def test_a_skipped_member_counts_against_the_decompressed_cap(tmp_path, site_fixtures, synced):
    # 100 MiB of zeros that no page needs, in 100 KB; the cap lowered to 50 MiB to keep it small.
    path = tmp_path / "zeros.tar.gz"
    hostile.tar_gz_of_zeros(path, 100 * MiB, {PAGE: _page(site_fixtures)})
    with pytest.raises(SyncError, match=rf"^{path} unpacks to more than 52,428,800 bytes$"):
        sync(str(path), synced_dir(), limits=Limits(decompressed_bytes=50 * MiB))
    assert _held() == synced


def test_zip_pages_count_against_the_decompressed_cap(tmp_path, site_fixtures, synced):
    # Three pages of 1 MiB, within the pages' cap; everything decompressed is capped at 2 MiB.
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        for number in range(3):
            bundle.writestr(f"pages/page-{number}.md", _page(site_fixtures).ljust(MiB, b"\n"))
    with pytest.raises(SyncError, match=rf"^{path} unpacks to more than 2,097,152 bytes$"):
        sync(str(path), synced_dir(), limits=Limits(decompressed_bytes=2 * MiB))
    assert _held() == synced


def test_skipping_a_huge_member_ends_at_the_deadline(tmp_path, site_fixtures):
    # 10 GiB of zeros (10 MB): skipping it took about 50 s here before the clock was looked at
    # while decompressing. The cap is lifted so that only the 1 s deadline can end it. The gzip
    # checksum at the archive's end is wrong: a reader that went on to the end would meet it, and
    # say the archive is unreadable, not that the sync took too long.
    path = tmp_path / "zeros.tar.gz"
    hostile.tar_gz_of_zeros(path, 10 * 1024 * MiB, {PAGE: _page(site_fixtures)})
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from testimony_tui.sync import Limits, SyncError, sync\n"
        "try:\n"
        "    sync(sys.argv[1], Path(sys.argv[2]), limits=Limits(seconds=1, decompressed_bytes=10**15))\n"
        "except SyncError as error:\n"
        "    print(error)\n"
    )
    # In a process of its own under a timeout that only detects a hang.
    done = subprocess.run(
        [sys.executable, "-c", code, str(path), str(tmp_path / "site")],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout == "sync took longer than 1 s\n"
    assert not (tmp_path / "site").exists()


def _tar(site_fixtures: Path, compression: str, extra: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=f"w:{compression}") as bundle:
        for name, data in {PAGE: _page(site_fixtures), **extra}.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            bundle.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


@pytest.mark.parametrize("compression", ["", "gz", "bz2", "xz"])
def test_tar_archives_within_the_limits_still_sync(tmp_path, site_fixtures, compression):
    # A skipped member of 2 MiB is well within the 1 GiB cap; every compression tarfile reads.
    path = tmp_path / f"site.tar.{compression}".rstrip(".")
    path.write_bytes(_tar(site_fixtures, compression, {"site-HEAD/big.bin": bytes(2 * MiB)}))
    report = sync(str(path), synced_dir())
    assert report.new == ("testimonials/ada-lovelace.md",)
    assert report.testimonies == 1


def test_a_zip_page_longer_than_one_read_is_written_whole(tmp_path, site_fixtures):
    # Decompressed 1 MiB at a time between two looks at the clock: a page of 2.5 MiB takes three.
    page = _page(site_fixtures) + b"".join(b"%07d\n" % number for number in range(5 * MiB // 16))
    path = tmp_path / "pages.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as bundle:
        bundle.writestr("pages/ada-lovelace.md", page)
    sync(str(path), synced_dir())
    assert (synced_dir() / "ada-lovelace.md").read_bytes() == page


def test_a_skipped_member_is_read_in_pieces_never_held_whole(tmp_path, site_fixtures):
    # 32 MiB of zeros no page needs: what is in memory at once stays far below that (tarfile asks
    # for 10 KB at a time, and each read gives no more).
    path = tmp_path / "site.tar.gz"
    path.write_bytes(_tar(site_fixtures, "gz", {"site-HEAD/big.bin": bytes(32 * MiB)}))
    tracemalloc.start()
    try:
        report = sync(str(path), synced_dir())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.new == ("testimonials/ada-lovelace.md",)
    assert peak < 16 * MiB, f"{peak:,} bytes held at once"
