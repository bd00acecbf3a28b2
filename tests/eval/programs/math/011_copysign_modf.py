# copysign, modf, fmod
import math
print(math.copysign(3, -0.0), math.copysign(-2, 1))
print(math.modf(3.75), math.modf(-2.5))
print(math.fmod(7, 3), math.fmod(-7, 3), -7 % 3)
