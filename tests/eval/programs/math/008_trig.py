# trigonometric functions and conversions
import math
print(math.sin(0), math.cos(0), math.tan(0))
print(round(math.sin(math.pi / 2), 10), round(math.cos(math.pi), 10))
print(math.degrees(math.pi), math.radians(180))
print(math.atan2(1, 1), math.hypot(3, 4))
