"""``screening-central notices import``: a documented CSV, all or nothing, every wrong row
named — and files made to hurt (huge, not UTF-8, formulas, missing columns, broken quoting)."""

from __future__ import annotations

import pytest

from screening.central.notices import csvimport, register

HEADER = "checkpoint,expected_date,given_name,family_name,date_of_birth,notified_by,travel\n"


def write(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "notices.csv"
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_rows_are_recorded_and_duplicates_merged(central, tmp_path):
    path = write(tmp_path, HEADER +
                 "TIA,2026-12-03,Arben,Hoxha,1990-03-01,iom,LH 1426\n"
                 "TIA,2026-12-03,Hoxha,Arbën,1990-03-01,consulate;iom,\n"
                 "\n"
                 "KKV,2026-12-04,Елена,Петрова,,ngo,\n")
    done = csvimport.import_file(central, path, by="drita")
    assert (done.added, done.merged) == (2, 1)
    assert {n["checkpoint"] for n in register.listing(central)} == {"TIA", "KKV"}


def test_semicolons_and_a_byte_order_mark_as_a_spreadsheet_saves_them(central, tmp_path):
    path = write(tmp_path, "\ufeffcheckpoint;expected_date;given_name;family_name;notified_by\n"
                 "TIA;2026-12-03;Arta;Çela;iom,ngo\n")
    assert csvimport.import_file(central, path, by="drita").added == 1
    assert register.listing(central)[0]["notified_by"] == ["iom", "ngo"]


def test_every_wrong_row_is_named_and_nothing_is_recorded(central, tmp_path):
    path = write(tmp_path, HEADER +
                 "TIA,2026-12-03,Arben,Hoxha,1990-03-01,iom,\n"
                 "XXX,2026-12-03,Arta,Hoxha,,iom,\n"
                 "TIA,2026-13-40,Arta,Hoxha,,iom,\n"
                 "TIA,2026-12-03,Arta\n")
    with pytest.raises(csvimport.ImportRefused) as refused:
        csvimport.import_file(central, path, by="drita")
    said = refused.value.message
    assert "nothing was imported" in said
    assert "row 3: checkpoint" in said and "row 4: expected_date" in said
    assert "row 5: 3 cells, the header has 7" in said
    assert "row 2" not in said and "Arta" not in said  # the values are not quoted back
    assert register.listing(central) == []


def test_formula_text_is_refused_where_a_spreadsheet_would_run_it(central, tmp_path):
    path = write(tmp_path, HEADER + 'TIA,2026-12-03,"=HYPERLINK(""http://evil"",""x"")",Hoxha,,'
                 'iom,\nTIA,2026-12-03,Arta,+cmd|\' /C calc\'!A0,,iom,\n'
                 "TIA,2026-12-03,Arta,Hoxha,,iom,@SUM(1+1)\n")
    with pytest.raises(csvimport.ImportRefused) as refused:
        csvimport.import_file(central, path, by="drita")
    for row, name in ((2, "given_name"), (3, "family_name"), (4, "travel")):
        assert f"row {row}: {name}: cannot begin with" in refused.value.message


@pytest.mark.parametrize(("text", "said"), [
    ("given_name,family_name\nArta,Hoxha\n", "missing columns: checkpoint, expected_date"),
    (HEADER.replace("travel", "password"), "unknown columns: password"),
    (HEADER.replace("travel", "notified_by"), "a column is named twice"),
    ("", "missing columns"),
    (HEADER, "holds no notices"),
    (HEADER + 'TIA,2026-12-03,"Arta,Hoxha,,iom,\n', "not well-formed CSV"),
])
def test_a_file_that_is_not_a_notices_file_is_refused_clearly(central, tmp_path, text, said):
    with pytest.raises(csvimport.ImportRefused) as refused:
        csvimport.import_file(central, write(tmp_path, text), by="drita")
    assert said in refused.value.message


def test_a_file_in_another_encoding_is_refused_with_what_to_do(central, tmp_path):
    path = write(tmp_path, HEADER + "TIA,2026-12-03,Arbër,Çela,,iom,\n", encoding="cp1250")
    with pytest.raises(csvimport.ImportRefused) as refused:
        csvimport.import_file(central, path, by="drita")
    assert 'not UTF-8 text: save it as "CSV UTF-8"' in refused.value.message


def test_binary_and_huge_files_are_refused_before_parsing(central, tmp_path):
    with pytest.raises(csvimport.ImportRefused, match="NUL characters"):
        csvimport.import_file(central, write(tmp_path, b"checkpoint\x00\x00\x00"), by="d")
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as out:
        out.write(HEADER.encode())
        out.truncate(csvimport.MAX_BYTES + 1)
    with pytest.raises(csvimport.ImportRefused, match="larger than 5 MiB"):
        csvimport.import_file(central, huge, by="drita")


def test_too_many_rows_are_refused(central, tmp_path):
    row = "TIA,2026-12-03,Arta,Hoxha,,iom,\n"
    path = write(tmp_path, HEADER + row * (csvimport.MAX_ROWS + 1))
    with pytest.raises(csvimport.ImportRefused, match="more than 10000 rows"):
        csvimport.import_file(central, path, by="drita")


def test_a_huge_cell_is_refused_not_swallowed(central, tmp_path):
    path = write(tmp_path, HEADER + "TIA,2026-12-03,Arta,Hoxha,,iom," + "x" * 200_000 + "\n")
    with pytest.raises(csvimport.ImportRefused):
        csvimport.import_file(central, path, by="drita")
