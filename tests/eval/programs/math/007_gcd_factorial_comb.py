# integer functions gcd, factorial, comb, isqrt
import math
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(7, 3))
print(math.factorial(0), math.factorial(10))
print(math.comb(5, 2), math.perm(5, 2), math.isqrt(17))
