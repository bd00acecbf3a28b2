# hex, oct, bin, chr, ord
print(hex(255), oct(8), bin(5), hex(-1))
print(chr(97), ord("z"))
