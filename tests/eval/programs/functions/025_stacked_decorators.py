# stacked decorators apply bottom-up
def tag(t):
    def deco(fn):
        def wrapper():
            return f"<{t}>{fn()}</{t}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hi"
print(text())
