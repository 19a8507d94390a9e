"""Compare a peer's CSV table with paranet's, value by value, to 1e-6.

compare.py PARANET.csv PEER.csv KEY [PARANET.csv PEER.csv KEY ...]
KEY is the column that names a row (id for the actor table, metric for
--network). Every column of the peer table must be in paranet's, every row
of each in the other; NA (R's NA or NaN, Python's nan) only where paranet
has NA. Prints one line per difference and exits 1 if there is any."""
import csv
import sys

NA = {"NA", "nan", "NaN", ""}


def table(path, key):
    with open(path, newline="", encoding="utf-8") as f:
        return {r[key]: r for r in csv.DictReader(f)}


bad = 0
args = sys.argv[1:]
for i in range(0, len(args), 3):
    ours, theirs, key = table(args[i], args[i + 2]), table(args[i + 1], args[i + 2]), args[i + 2]
    if key == "id" and set(ours) != set(theirs):
        print(f"{args[i + 1]}: rows differ: {sorted(set(ours) ^ set(theirs))[:5]}")
        bad += 1
        continue
    checked = 0
    for name, row in theirs.items():
        if name not in ours:
            continue  # a figure paranet does not give
        for col, v in row.items():
            if col == key:
                continue
            a = ours[name].get(col)
            if a is None:
                print(f"{args[i + 1]}: paranet has no column {col}")
                bad += 1
                break
            if a in NA or v in NA:
                same = a in NA and v in NA
            else:
                same = abs(float(a) - float(v)) <= 1e-6
            checked += 1
            if not same:
                bad += 1
                if bad <= 20:
                    print(f"{args[i + 1]}: {name} {col}: paranet {a}, peer {v}")
    if checked == 0:
        print(f"{args[i + 1]}: nothing compared")
        bad += 1
    else:
        print(f"{args[i + 1]}: {checked} values agree" if bad == 0 else f"{args[i + 1]}: checked {checked}")
sys.exit(1 if bad else 0)
