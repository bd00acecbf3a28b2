# rounding at the precision boundary uses round-half-even on binary values
for v in [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675]:
    print(f"{v:.0f} {v:.2f} {v:.1f}")
print(f"{0.05:.1f} {0.15:.1f} {0.25:.1f} {0.35:.1f}")
print(f"{1e-7:.3f} {123.456:.0f}")
