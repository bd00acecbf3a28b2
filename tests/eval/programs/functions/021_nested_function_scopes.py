# LEGB lookup: local, enclosing, global, builtin
x = "global"
def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
def uses_global():
    return x
def shadows_builtin():
    len = lambda s: -1
    return len("abc")
print(outer(), uses_global(), shadows_builtin(), len("abc"))
