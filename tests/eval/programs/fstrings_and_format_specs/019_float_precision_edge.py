# rounding at the precision boundary uses round-half-even on binary values
for v in [0.5, 1.5, 2.5, 0.125, 0.375, 1.005, 2.675]:
    print(f"{v:.0f} {v:.2f} {v:.1f}")
