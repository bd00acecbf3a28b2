# % format spec multiplies by 100
for v in [0.5, 0.1234, 1, 0.0005, 2.5]:
    print(f"{v:%} {v:.1%} {v:.0%}")
print(f"{0.999:.0%} {0.995:.1%}")
print(f"{-0.25:.0%} {1/3:.2%}")
