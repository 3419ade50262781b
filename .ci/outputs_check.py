"""Independent validation of the machine-readable outputs under OUT (argv[1]).

Reads every file with a library that is not policyc's: Apple property lists with
plistlib, JSON-LD with rdflib (every DPV IRI must be in the vendored term list),
XLSX with openpyxl, CSV with the csv module, gpc.json against the GPC spec's shape.
"""
import csv
import datetime
import json
import plistlib
import re
import sys
from pathlib import Path

import openpyxl
import rdflib

OUT = Path(sys.argv[1])
TERMS = {
    line.strip()
    for line in Path("src/vocabulary/dpv-terms.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
APPLE_TYPES = set(
    "Name EmailAddress PhoneNumber PhysicalAddress OtherUserContactInfo Health Fitness "
    "PaymentInfo CreditInfo OtherFinancialInfo PreciseLocation CoarseLocation SensitiveInfo "
    "Contacts EmailsOrTextMessages PhotosorVideos AudioData GameplayContent CustomerSupport "
    "OtherUserContent BrowsingHistory SearchHistory UserID DeviceID PurchaseHistory "
    "ProductInteraction AdvertisingData OtherUsageData CrashData PerformanceData "
    "OtherDiagnosticData EnvironmentScanning Hands Head OtherDataTypes".split()
)
APPLE_PURPOSES = set(
    "ThirdPartyAdvertising DeveloperAdvertising Analytics ProductPersonalization "
    "AppFunctionality Other".split()
)
PLAY_HEADER = [
    "Question ID (machine readable)",
    "Response ID (machine readable)",
    "Response value",
    "Answer requirement",
    "Human-friendly question label",
]
REQUIREMENTS = {"REQUIRED", "MAYBE_REQUIRED", "OPTIONAL", "SINGLE_CHOICE", "MULTIPLE_CHOICE"}
counts = {}


def count(kind):
    counts[kind] = counts.get(kind, 0) + 1


def fail(path, why):
    sys.exit(f"{path}: {why}")


for p in sorted(OUT.rglob("gpc.json")):
    doc = json.loads(p.read_text())
    if not isinstance(doc, dict) or not isinstance(doc.get("gpc"), bool):
        fail(p, "not an object with a boolean `gpc`")
    if "lastUpdate" in doc:
        v = doc["lastUpdate"]
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            fail(p, f"lastUpdate {v!r} is not an RFC 3339 full-date")
        datetime.date.fromisoformat(v)
    count("gpc.json")

for p in sorted(OUT.rglob("PrivacyInfo.xcprivacy")):
    with p.open("rb") as f:
        root = plistlib.load(f)
    if not isinstance(root.get("NSPrivacyTracking"), bool):
        fail(p, "NSPrivacyTracking is not a Boolean")
    domains = root.get("NSPrivacyTrackingDomains", [])
    if root["NSPrivacyTracking"] and not domains:
        fail(p, "tracking without tracking domains")
    for t in root.get("NSPrivacyCollectedDataTypes", []):
        name = t["NSPrivacyCollectedDataType"].removeprefix("NSPrivacyCollectedDataType")
        if name not in APPLE_TYPES:
            fail(p, f"unknown data type {t['NSPrivacyCollectedDataType']}")
        for k in ("NSPrivacyCollectedDataTypeLinked", "NSPrivacyCollectedDataTypeTracking"):
            if not isinstance(t[k], bool):
                fail(p, f"{k} is not a Boolean")
        purposes = t["NSPrivacyCollectedDataTypePurposes"]
        if not purposes:
            fail(p, "a data type without purposes")
        for pu in purposes:
            if pu.removeprefix("NSPrivacyCollectedDataTypePurpose") not in APPLE_PURPOSES:
                fail(p, f"unknown purpose {pu}")
    count("PrivacyInfo.xcprivacy")

for p in sorted(OUT.rglob("data-safety.csv")):
    with p.open(newline="") as f:
        rows = list(csv.reader(f))
    if rows[0] != PLAY_HEADER:
        fail(p, f"header {rows[0]}")
    for r in rows[1:]:
        if len(r) != 5 or r[3] not in REQUIREMENTS or r[2] not in ("", "TRUE", "FALSE") and "URL" not in r[0]:
            fail(p, f"bad row {r}")
    count("data-safety.csv")

for p in sorted(OUT.rglob("records-of-processing.xlsx")):
    book = openpyxl.load_workbook(p)
    with (p.parent / "records-of-processing.csv").open(newline="") as f:
        table = list(csv.reader(f))
    header = table[0]
    for sheet in book.worksheets:
        cells = [[c if c is not None else "" for c in row] for row in sheet.iter_rows(values_only=True)]
        if cells[0] != header[1:]:
            fail(p, f"sheet {sheet.title}: header {cells[0]}")
        mine = [r[1:] for r in table[1:] if r[0] == sheet.title]
        if cells[1:] != mine:
            fail(p, f"sheet {sheet.title}: rows differ from the CSV")
    count("records-of-processing.xlsx")

for p in sorted(OUT.rglob("policy.jsonld")):
    g = rdflib.Graph()
    g.parse(p, format="json-ld")
    if len(g) == 0:
        fail(p, "no triples")
    for triple in g:
        for term in triple:
            if isinstance(term, rdflib.URIRef) and str(term).startswith("https://w3id.org/dpv"):
                if str(term) not in TERMS:
                    fail(p, f"{term} is not in the vendored DPV 2.3 term list")
    count("policy.jsonld")

for kind in ("gpc.json", "PrivacyInfo.xcprivacy", "data-safety.csv", "records-of-processing.xlsx", "policy.jsonld"):
    if not counts.get(kind):
        sys.exit(f"no {kind} under {OUT}")
print("outputs valid:", ", ".join(f"{n} {k}" for k, n in sorted(counts.items())))
