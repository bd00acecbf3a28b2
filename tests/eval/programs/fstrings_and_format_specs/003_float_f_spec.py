# f format spec precision
x = 3.14159
print(f"{x:f}")
print(f"{x:.2f}")
print(f"{x:.0f}")
print(f"{x:8.3f}|")
print(f"{-x:.1f}")
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f}")
print(f"{1e20:.1f}")
