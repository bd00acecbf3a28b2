# method resolution with three levels
class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()
class B(A):
    def who(self):
        return "B"
class C(B):
    pass
print(A().hello(), B().hello(), C().hello())
print(isinstance(C(), A))
