# ord and chr round trip
print(ord("A"), ord("a"), ord("0"), ord("é"))
print(chr(65), chr(97), chr(48), chr(233))
print("".join(chr(ord(c) + 1) for c in "HAL"))
print([ord(c) for c in "AZaz"])
print(chr(0x263A) == "\u263a")
