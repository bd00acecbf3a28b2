# str.format with specs and attribute/index access
point = {"x": 1.5, "y": -2}
print("{0[x]:.2f} {0[y]:+d}".format(point))
print("{:,.1f}".format(1234567.89))
print("{:>8.2%}".format(0.1234))
print("{a:^7}|{b:03d}".format(a="mid", b=5))
lst = [10, 20]
print("{0[1]}".format(lst))
