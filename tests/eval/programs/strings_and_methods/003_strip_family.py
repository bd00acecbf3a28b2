# strip, lstrip, rstrip with and without characters
s = "  padded text \n"
print("[" + s.strip() + "]")
print("[" + s.lstrip() + "]")
print("[" + s.rstrip() + "]")
print("xxhixx".strip("x"))
print("www.example.com".lstrip("w."))
print("file.csv.gz".rstrip(".gz"))
print("abcba".strip("ab"))
