# hex, oct, bin, chr, ord
print(hex(255), oct(8), bin(5), hex(-1))
print(chr(97), ord("z"))
print(int(hex(255), 16), int(bin(5), 2))
print([chr(ord("a") + i) for i in range(3)])
print(ord(chr(8364)))
