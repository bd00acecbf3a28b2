# % format spec multiplies by 100
for v in [0.5, 0.1234, 1, 0.0005, 2.5]:
    print(f"{v:%} {v:.1%} {v:.0%}")
