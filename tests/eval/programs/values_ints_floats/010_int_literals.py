# int literal forms: underscores, hex, octal, binary
print(1_000_000)
print(0x1F, 0o17, 0b1011)
print(0xff + 1)
print(1_0.5)
print(1e3, 2.5E2)
print(0.5e-2)
