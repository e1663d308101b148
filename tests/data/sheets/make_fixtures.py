#!/usr/bin/python3
"""Remakes the spreadsheet fixtures the sheet reader's tests read (tests/unit/test_sheets_workbook.cpp).

    /usr/bin/python3 tests/data/sheets/make_fixtures.py   # Debian's python, where openpyxl is

Writes booths-openpyxl.xlsx with python3-openpyxl (Debian), then, when soffice is installed
(Debian: libreoffice-calc-nogui), booths-libreoffice.xlsx: the same workbook re-saved by LibreOffice
Calc, whose shared strings and styles differ from openpyxl's. The tests pin the cells written here:
change both together.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
OPENPYXL_FILE = os.path.join(HERE, "booths-openpyxl.xlsx")
LIBREOFFICE_FILE = os.path.join(HERE, "booths-libreoffice.xlsx")


def make_openpyxl_workbook(path):
    book = openpyxl.Workbook()
    booths = book.active
    booths.title = "Gian hàng"
    # Row 1: a merged title above the header, as organizers lay out their lists.
    booths["A1"] = "Ngày hội việc làm – Quảng Ninh 2025"
    booths.merge_cells("A1:E1")
    booths.append(["Mã gian", "Doanh nghiệp", "Bắt đầu", "Kết thúc", "Điện thoại", "Có phiên dịch"])
    # Row 3: times as real time cells (openpyxl stores a fraction of a day with a time format).
    booths.append(["B01", "Công ty TNHH Điện tử Việt – Hàn", datetime.time(8, 30),
                   datetime.time(11, 45), "0912345678", True])
    # Row 4: 8:30 typed as the number Excel keeps (0.354166...) with a custom time format, and
    # a phone typed as a number-looking text.
    booths.append(["B02", "Tập đoàn Dệt may Hạ Long", 0.3541666666666667, 0.5, "0203 3825 123",
                   False])
    booths["C4"].number_format = "hh:mm"
    booths["D4"].number_format = "[h]:mm"
    # Rows 5 and 6 blank, then a row with plain numbers (no time format) and a date.
    booths.append([])
    booths.append([])
    booths.append(["B03", "Hợp tác xã Nông nghiệp Đông Triều", 12, 2.5, None, None])
    booths["G7"] = datetime.date(2025, 3, 15)
    # A second sheet whose name has diacritics, for the folded look-up.
    students = book.create_sheet("Học sinh")
    students.append(["Mã", "Họ và tên"])
    students.append(["S0001", "Nguyễn Thị Đào"])
    book.save(path)


def resave_with_libreoffice(source, target):
    soffice = shutil.which("soffice")
    if soffice is None:
        print("soffice not found: install libreoffice-calc-nogui to remake", target)
        return
    with tempfile.TemporaryDirectory() as out:
        # A private profile, so a running LibreOffice or a first-start dialog never interferes.
        profile = "-env:UserInstallation=file://" + os.path.join(out, "profile")
        subprocess.run([soffice, profile, "--headless", "--convert-to", "xlsx", "--outdir", out,
                        source], check=True)
        shutil.move(os.path.join(out, os.path.basename(source)), target)


def main():
    with tempfile.TemporaryDirectory() as work:
        # LibreOffice names its output after its input: convert a copy named like the target.
        source = os.path.join(work, os.path.basename(LIBREOFFICE_FILE))
        make_openpyxl_workbook(OPENPYXL_FILE)
        shutil.copy(OPENPYXL_FILE, source)
        resave_with_libreoffice(source, LIBREOFFICE_FILE)
    return 0


if __name__ == "__main__":
    sys.exit(main())
