"""writers.docx.package.zipout: a deterministic ZIP that `zipfile` reads back byte for byte."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest

from briefgen.writers.docx.package.zipout import ZipOut

STAMP = datetime(2021, 9, 30, 12, 34, 57)


def archive(members: list[tuple[str, bytes]], stamp: datetime = STAMP, reuse: bool = False) -> bytes:
    out = ZipOut(stamp)
    for name, data in members:
        out.add(name, data, reuse=reuse)
    return out.getvalue()


MEMBERS = [("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<w:document>" * 500), ("word/é.bin", b"")]


def test_zipfile_reads_every_member_back_in_order() -> None:
    with zipfile.ZipFile(io.BytesIO(archive(MEMBERS))) as z:
        assert z.testzip() is None
        assert [(i.filename, z.read(i)) for i in z.infolist()] == MEMBERS
        info = z.getinfo("word/document.xml")
        assert info.compress_type == zipfile.ZIP_DEFLATED and info.compress_size < info.file_size
        assert info.flag_bits & 0x0800  # UTF-8 names


def test_timestamps_are_the_stamp_given_to_two_seconds() -> None:
    with zipfile.ZipFile(io.BytesIO(archive(MEMBERS))) as z:
        assert {i.date_time for i in z.infolist()} == {(2021, 9, 30, 12, 34, 56)}


def test_stamps_outside_the_zip_range_are_pinned_to_its_ends() -> None:
    with zipfile.ZipFile(io.BytesIO(archive(MEMBERS[:1], datetime(1970, 1, 1)))) as z:
        assert z.infolist()[0].date_time[0] == 1980
    with zipfile.ZipFile(io.BytesIO(archive(MEMBERS[:1], datetime(2200, 5, 5)))) as z:
        assert z.infolist()[0].date_time == (2107, 12, 31, 23, 59, 58)


def test_the_same_members_make_the_same_bytes_reused_or_not() -> None:
    assert archive(MEMBERS) == archive(MEMBERS)
    assert archive(MEMBERS, reuse=True) == archive(MEMBERS) == archive(MEMBERS, reuse=True)
    assert archive(MEMBERS) != archive(list(reversed(MEMBERS)))


def test_a_package_over_4_gib_is_refused_before_writing() -> None:
    out = ZipOut(STAMP)
    out.size = 0xFFFFFFFF  # a body already at the limit, without allocating it
    with pytest.raises(ValueError, match=r"^word/big\.bin: the package would exceed 4 GiB$"):
        out.add("word/big.bin", b"x")
    assert out.count == 0
