# large ints that still fit in 64 bits
big = 2 ** 62
print(big)
print(big - 1 + big)
print(9223372036854775807)
print(-9223372036854775807 - 1)
print(1000000 * 1000000)
print(123456789 * 987654321)
