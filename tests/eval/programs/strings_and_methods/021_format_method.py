# str.format with positional, indexed and named fields
print("{} and {}".format("a", "b"))
print("{1} before {0}".format("x", "y"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0}{0}{0}".format("ab"))
print("{:>6}|{:<6}|{:^6}".format("r", "l", "c"))
print("{:.2f}".format(3.14159))
print("{{literal}} {}".format(1))
