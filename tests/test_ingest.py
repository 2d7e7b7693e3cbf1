import gzip
import json

import pytest

from pipeline.errors import UsageError
from pipeline.io.readers import DumpReader
from pipeline.normalize import normalize_text


def test_txt_header_and_paragraphs(tmp_path):
    (tmp_path / "a.txt").write_text(
        "# doc_id = news_1\n# url = https://x.vn/a-20201001182039979.htm\n# date = 20201001\n"
        "Tiêu đề bài\n\nĐoạn một.\n  \nĐoạn hai.\n", encoding="utf-8")
    [doc] = list(DumpReader([str(tmp_path)]))
    assert doc.doc_id == "news_1"
    assert doc.url.endswith(".htm") and doc.published == "20201001"
    assert doc.lines == ["Tiêu đề bài", "Đoạn một.", "Đoạn hai."]
    assert doc.origin == "a.txt"  # relative to the dump root: never a machine path


def test_directory_is_recursive_sorted_and_ids_are_relative_paths(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Một.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Hai.\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("Ẩn.\n", encoding="utf-8")
    reader = DumpReader([str(tmp_path)])
    assert [d.doc_id for d in reader] == ["a", "b/z"]
    assert [f.path.rsplit("/", 1)[-1] for f in reader.files] == ["a.txt", "z.txt"]
    assert all(len(f.sha256) == 64 and f.size > 0 for f in reader.files)


def test_jsonl_field_alternatives_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "x1", "text": "A.\nB.", "title": "T", "date": "2021-01-02", "source": "S"}),
        "{not json",
        json.dumps({"id": "x3", "content": "C."}),
        json.dumps({"id": "x4", "url": "u"}),
        json.dumps(["not", "an", "object"]),
        "",
        json.dumps({"text": "no id"}),
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs = list(DumpReader([str(tmp_path / "d.jsonl")]))
    assert [d.doc_id for d in docs] == ["x1", "d:2", "x3", "x4", "d:5", "d:7"]
    assert docs[0].lines == ["A.", "B."] and docs[0].published == "2021-01-02" and docs[0].source == "S"
    assert docs[1].status == "error" and "line" not in docs[1].error.split(":")[0] and "d.jsonl:2" in docs[1].error
    assert docs[2].lines == ["C."] and docs[2].status == "ok"
    assert docs[3].status == "error" and "text" in docs[3].error
    assert docs[4].status == "error" and "object" in docs[4].error
    assert docs[5].status == "ok" and docs[5].lines == ["no id"]


def test_gzip_and_truncated_gzip(tmp_path):
    payload = "\n".join(json.dumps({"id": f"g{i}", "text": f"Bài {i}. " * 50}) for i in range(200)).encode()
    good = tmp_path / "good.jsonl.gz"
    good.write_bytes(gzip.compress(payload))
    assert len(list(DumpReader([str(good)]))) == 200
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(gzip.compress(payload)[:-400])
    docs = list(DumpReader([str(bad)]))
    assert docs[-1].status == "error" and "after line" in docs[-1].error
    assert all(d.status == "ok" for d in docs[:-1]) and len(docs) > 1


def test_unsupported_and_binary_files_become_error_rows(tmp_path):
    (tmp_path / "pic.jpg").write_bytes(b"\xff\xd8\x00\x01")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    docs = {d.doc_id: d for d in DumpReader([str(tmp_path)])}
    assert docs["pic.jpg"].status == "error" and ".jpg" in docs["pic.jpg"].error
    assert docs["bin"].status == "error" and "binary" in docs["bin"].error


def test_encodings(tmp_path):
    text = "Bộ Tài nguyên và Môi trường\n"
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode())
    (tmp_path / "u16.txt").write_bytes(text.encode("utf-16"))
    # cp1258 writes tones as combining marks after precomposed base letters.
    (tmp_path / "cp.txt").write_bytes("Ha\u0300 N\u00f4\u0323i\n".encode("cp1258"))
    docs = {d.doc_id: d for d in DumpReader([str(tmp_path)])}
    assert docs["bom"].lines == [text.strip()]
    assert docs["u16"].lines == [text.strip()]
    assert docs["cp"].status == "ok" and normalize_text(docs["cp"].lines[0]) == "Hà Nội"


def test_unusable_arguments(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        DumpReader([str(tmp_path / "missing")])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="empty dump"):
        DumpReader([str(tmp_path / "empty")])
