# inner functions capture variables of the enclosing function
def make_adder(n):
    def add(x):
        return x + n
    return add
add5 = make_adder(5)
add10 = make_adder(10)
print(add5(1), add10(1), make_adder(0)(7))
def counter_factory():
    count = [0]
    def inc():
        count[0] += 1
        return count[0]
    return inc
c = counter_factory()
print(c(), c(), c())
