#!/usr/bin/env python3
"""Derive ina_cbg_groups.csv and ina_cbg_tariffs.csv (approximate INA-CBG tariffs).

No official INA-CBG tariff table (PMK 3/2023) was available, so this script builds an
approximation: one reference tariff per group at a reference cell, multiplied out over
hospital class A-D, tariff region 1-5, care class 1-3 and severity I-III.

Four reference tariffs are real paid amounts from the BPJS Kesehatan sample data (2022)
quoted in DOMAIN.md; one is the seed's own figure from the contract's worked example;
every other figure is an approximation. See ../README.md for the full explanation.

Usage:
  python3 derive_ina_cbg_tariffs.py            # (re)write the two CSVs next to ../README.md
  python3 derive_ina_cbg_tariffs.py --check    # exit 1 if the committed CSVs differ
  python3 derive_ina_cbg_tariffs.py --out DIR  # write elsewhere

Python 3 standard library only; output is deterministic (same input, same bytes).
"""

import argparse
import io
import os
import sys
import tempfile
from fractions import Fraction

HOSPITAL_CLASSES = "ABCD"
REGIONS = (1, 2, 3, 4, 5)
CARE_CLASSES = (1, 2, 3)

# Multipliers (approximations, see README). Relative values only matter.
HOSPITAL_CLASS_FACTOR = {"A": Fraction(150, 100), "B": Fraction(120, 100), "C": Fraction(1), "D": Fraction(90, 100)}
REGION_FACTOR = {1: Fraction(100, 100), 2: Fraction(102, 100), 3: Fraction(104, 100), 4: Fraction(108, 100), 5: Fraction(115, 100)}
# Care class 2 = 120% and class 1 = 140% of class 3, as in a PMK 64/2016 tariff row seen in a public copy.
CARE_CLASS_FACTOR = {1: Fraction(140, 100), 2: Fraction(120, 100), 3: Fraction(1)}
SEVERITY_FACTOR = {"I": Fraction(1), "II": Fraction(150, 100), "III": Fraction(220, 100)}
SEVERITY_WORD = {"I": "RINGAN", "II": "SEDANG", "III": "BERAT"}

# The BPJS sample rows behind the observed anchors come from one hospital in province 94
# (Papua, BPS numbering), FKRTL type code 3. Read as: class C, region 5, care class 3.
REFERENCE_CELL = ("C", 5, 3)

# (base code, description, typical LOS at severity I (1 for outpatient),
#  reference tariff at REFERENCE_CELL or an anchor, code source, note)
# An anchor is (tariff, hospital class, region, care class, basis).
GROUPS = [
    ("A-4-10", "SEPTIKEMIA", 7, 3_900_000, "public_examples", ""),
    ("A-4-12", "TUBERKULOSIS", 5, 2_700_000, "assumed", ""),
    ("A-4-13", "INFEKSI NON BAKTERI LAIN-LAIN", 3, 2_000_000, "assumed", "Dengue and fever of unknown origin"),
    ("A-4-14", "PENYAKIT INFEKSI BAKTERI DAN PARASIT LAIN-LAIN", 3,
     (2_218_100, "C", 5, 3, "anchor_observed"), "observed", "B50 malaria paid Rp 2,218,100 (BPJS sample data 2022)"),
    ("B-1-12", "PROSEDUR KANDUNG EMPEDU", 4, 7_500_000, "assumed", ""),
    ("C-4-12", "KEMOTERAPI", 2, 2_300_000, "assumed", "Expensive chemotherapy drugs are paid as special drug top-ups"),
    ("D-4-13", "ANEMIA DAN GANGGUAN SEL DARAH MERAH", 3, 1_900_000, "assumed", ""),
    ("E-4-10", "DIABETES MELITUS", 4, 2_400_000, "public_examples", ""),
    ("E-4-12", "GANGGUAN NUTRISI DAN METABOLISME LAIN-LAIN", 3, 1_700_000, "assumed", ""),
    ("F-4-10", "SKIZOFRENIA DAN GANGGUAN PSIKOTIK", 14, 3_500_000, "assumed", ""),
    ("G-4-14", "INFARK SEREBRAL DAN STROKE", 6, 3_800_000, "public_examples", ""),
    ("G-4-15", "KEJANG DAN EPILEPSI", 3, 2_300_000, "assumed", ""),
    ("G-4-17", "CEDERA KEPALA", 4, 2_600_000, "assumed", ""),
    ("H-1-30", "PROSEDUR LENSA", 2, 4_200_000, "assumed", ""),
    ("I-4-10", "INFARK MIOKARD AKUT", 5, 4_400_000, "domain_md", "DOMAIN.md: I-4-10-I/II/III acute myocardial infarction"),
    ("I-4-12", "GAGAL JANTUNG", 5, 3_100_000, "assumed", ""),
    ("I-4-15", "ANGINA PEKTORIS DAN PENYAKIT JANTUNG ISKEMIK LAIN", 3, 2_500_000, "assumed", ""),
    ("I-4-17", "HIPERTENSI", 3, 1_900_000, "public_examples", ""),
    ("J-4-16", "PNEUMONIA", 5,
     (3_200_000, "B", 1, 3, "anchor_contract"), "public_examples",
     "Seed 004 / contract worked example: J-4-16-I Rp 3,200,000 at class B region 1 care class 3"),
    ("J-4-17", "PENYAKIT PARU OBSTRUKTIF KRONIS", 5, 2_900_000, "public_examples", ""),
    ("J-4-18", "ASMA DAN BRONKITIS", 3, 2_000_000, "public_examples", ""),
    ("K-1-12", "PROSEDUR APENDIKS", 3, 5_600_000, "assumed", ""),
    ("K-1-13", "PROSEDUR HERNIA", 2, 4_800_000, "public_examples", ""),
    ("K-4-13", "ULKUS PEPTIKUM DAN PERDARAHAN SALURAN CERNA", 4, 2_500_000, "assumed", ""),
    ("K-4-17", "NYERI ABDOMEN & GASTROENTERITIS LAIN-LAIN", 3,
     (1_490_600, "C", 5, 3, "anchor_observed"), "observed", "A09 paid Rp 1,490,600 (BPJS sample data 2022)"),
    ("K-4-18", "GANGGUAN SISTEM PENCERNAAN LAIN-LAIN", 3, 1_600_000, "public_examples", ""),
    ("L-4-12", "SELULITIS", 4, 1_800_000, "public_examples", ""),
    ("M-1-03", "PROSEDUR PANGGUL DAN FEMUR", 7, 9_500_000, "assumed", "Implants are paid as special prosthesis top-ups"),
    ("M-1-08", "PROSEDUR PADA TULANG PANJANG OTOT DAN TENDON LAIN-LAIN", 2, 6_000_000, "public_examples", ""),
    ("M-4-12", "GANGGUAN MUSKULOSKELETAL DAN JARINGAN IKAT LAIN-LAIN", 3, 1_700_000, "assumed", ""),
    ("M-4-15", "GANGGUAN TULANG BELAKANG NON BEDAH", 3, 1_800_000, "assumed", ""),
    ("N-1-40", "PROSEDUR SALURAN KEMIH BAGIAN ATAS", 3, 6_500_000, "public_examples", ""),
    ("N-4-10", "GAGAL GINJAL", 5, 3_000_000, "assumed", ""),
    ("N-4-12", "INFEKSI SALURAN KEMIH", 4, 1_800_000, "public_examples", ""),
    ("O-6-10", "PERSALINAN DENGAN OPERASI SESAR", 3, 4_800_000, "public_examples", ""),
    ("O-6-13", "PERSALINAN VAGINAL", 2, 1_900_000, "public_examples", ""),
    ("O-6-14", "PERAWATAN ANTEPARTUM DENGAN KOMPLIKASI", 4, 2_200_000, "assumed", ""),
    ("P-8-12", "NEONATUS BERAT LAHIR RENDAH", 10, 4_000_000, "assumed", ""),
    ("P-8-17", "NEONATAL DENGAN MASALAH LAIN-LAIN", 3, 2_200_000, "public_examples", ""),
    ("U-4-13", "INFEKSI SALURAN NAPAS ATAS DAN OTITIS MEDIA", 2, 1_400_000, "assumed", ""),
    ("V-1-14", "PROSEDUR PROSTAT TRANSURETRAL", 4, 6_800_000, "public_examples", ""),
    # Outpatient groups (severity 0): flat across care class.
    ("C-3-11", "PROSEDUR KEMOTERAPI RAWAT JALAN", 1, 650_000, "assumed", ""),
    ("F-5-14", "GANGGUAN MENTAL RAWAT JALAN", 1, 260_000, "public_examples", "High-volume code in BPJS data; description assumed"),
    ("H-2-36", "PROSEDUR KATARAK", 1, 4_500_000, "public_examples", ""),
    ("J-3-13", "PROSEDUR TERAPI SALURAN PERNAFASAN", 1,
     (327_000, "C", 5, 3, "anchor_observed"), "observed", "J45 outpatient nebuliser paid Rp 327,000 (BPJS sample data 2022)"),
    ("M-3-16", "PROSEDUR REHABILITASI MEDIK DAN FISIOTERAPI", 1, 220_000, "public_examples", ""),
    ("N-3-14", "PROSEDUR LITOTRIPSI", 1, 2_600_000, "public_examples", ""),
    ("N-3-15", "DIALYSIS", 1, 960_000, "public_examples", "Description as in a public VClaim example"),
    ("Q-5-42", "PENYAKIT AKUT KECIL LAIN-LAIN", 1, 175_000, "public_examples", "High-volume code in BPJS data; description assumed"),
    ("Q-5-44", "PENYAKIT KRONIS KECIL LAIN-LAIN", 1, 190_000, "observed", "Most common outpatient CBG (shared reference README)"),
    ("Z-3-27", "PERAWATAN LUKA", 1,
     (195_000, "C", 5, 3, "anchor_observed"), "observed", "Wound care paid Rp 195,000 (BPJS sample data 2022)"),
]


def round_to_100(value: Fraction) -> int:
    """Round half up to a whole 100 rupiah, as INA-CBG tariffs are published."""
    hundreds = value / 100
    floor = hundreds.numerator // hundreds.denominator
    return int((floor + (1 if hundreds - floor >= Fraction(1, 2) else 0)) * 100)


def cell_factor(hospital_class, region, care_class, outpatient):
    factor = HOSPITAL_CLASS_FACTOR[hospital_class] * REGION_FACTOR[region]
    return factor if outpatient else factor * CARE_CLASS_FACTOR[care_class]


def reference_tariff(spec, outpatient):
    """The exact tariff at REFERENCE_CELL for severity I (or 0)."""
    if isinstance(spec, tuple):
        tariff, h, r, c, basis = spec
        ref = Fraction(tariff) * cell_factor(*REFERENCE_CELL, outpatient) / cell_factor(h, r, c, outpatient)
        return ref, basis
    return Fraction(spec), "approximation"


def build():
    group_rows = []
    tariff_rows = []
    for base, description, los, spec, source, note in GROUPS:
        cmg, case_type, group = base.split("-")
        outpatient = case_type in ("2", "3", "5", "7", "9")
        ref, basis = reference_tariff(spec, outpatient)
        severities = ["0"] if outpatient else ["I", "II", "III"]
        for severity in severities:
            code = f"{base}-{severity}"
            if outpatient:
                group_los, sev_factor, text = 1, Fraction(1), description
            else:
                group_los = {"I": los, "II": (3 * los + 1) // 2, "III": 2 * los}[severity]
                sev_factor, text = SEVERITY_FACTOR[severity], f"{description} ({SEVERITY_WORD[severity]})"
            # The anchor (and its note) belongs to severity I or 0; II and III are multiplied out.
            anchored_row = severity in ("I", "0")
            group_rows.append([code, base, cmg, case_type, group, severity,
                               "outpatient" if outpatient else "inpatient", text, str(group_los),
                               source, basis if anchored_row else "approximation", note if anchored_row else ""])
            for h in HOSPITAL_CLASSES:
                for r in REGIONS:
                    for c in CARE_CLASSES:
                        value = ref * sev_factor * cell_factor(h, r, c, outpatient) / cell_factor(*REFERENCE_CELL, outpatient)
                        tariff_rows.append([code, h, str(r), str(c), str(round_to_100(value))])
    return group_rows, tariff_rows


def to_csv(header, rows):
    out = io.StringIO()
    for row in [header] + rows:
        out.write(",".join(quote(field) for field in row) + "\n")
    return out.getvalue()


def quote(field):
    if any(ch in field for ch in ',"\n\r'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write_atomically(path, text):
    directory = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".csv")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args()

    groups, tariffs = build()
    files = {
        "ina_cbg_groups.csv": to_csv(["code", "base_code", "cmg", "case_type", "group", "severity", "care_type",
                                      "description", "los_typical", "code_source", "tariff_basis", "notes"], groups),
        "ina_cbg_tariffs.csv": to_csv(["code", "hospital_class", "tariff_region", "care_class", "tariff"], tariffs),
    }
    if args.check:
        stale = []
        for name, text in files.items():
            path = os.path.join(args.out, name)
            current = open(path, encoding="utf-8", newline="").read() if os.path.exists(path) else None
            if current != text:
                stale.append(name)
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            return 1
        print(f"up to date: {len(groups)} groups, {len(tariffs)} tariffs")
        return 0
    for name, text in files.items():
        write_atomically(os.path.join(args.out, name), text)
    print(f"wrote {len(groups)} groups and {len(tariffs)} tariffs to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
